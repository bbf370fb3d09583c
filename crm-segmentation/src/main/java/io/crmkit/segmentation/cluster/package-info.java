/**
 * k-means++ clustering of customers on standardised log-RFM features, with inertia and silhouette
 * for a range of k and clusters named by ranking their centroids ({@link
 * io.crmkit.segmentation.cluster.KMeans}).
 */
package io.crmkit.segmentation.cluster;
