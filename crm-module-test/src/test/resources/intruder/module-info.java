module intruder {
    requires io.crmkit.metrics;
}
