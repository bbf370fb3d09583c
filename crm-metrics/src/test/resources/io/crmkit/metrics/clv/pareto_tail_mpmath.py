#!/usr/bin/env python3
"""Reference values of the Pareto/NBD drop-out term ln(s J), J = integral over (tx, T) of
(alpha + u)^-(r + x) (beta + u)^-(s + 1) du, to 40 significant digits with mpmath (tanh-sinh
quadrature in v = ln(min(alpha, beta) + u) over many short pieces), and of the whole one-customer
log-likelihood ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta + ln((alpha+T)^-(r+x) (beta+T)^-s + s J).
Run: python3 pareto_tail_mpmath.py > pareto-tail-mpmath.csv (mpmath 1.2 or later)."""
from mpmath import mp, mpf, quad, log, exp, loggamma

mp.dps = 40

CASES = [
    # r, alpha, s, beta, x, tx, T
    (0.8, 2, 2e-8, 1.09e6, 0, 0, 52),
    (0.8, 2, 2e-8, 1.09e6, 1, 10, 52),
    (0.8, 2, 2e-8, 1.09e6, 5, 30, 78),
    (0.8, 2, 2e-8, 1.09e6, 50, 40, 78),
    (0.8, 2, 2e-8, 1.09e6, 500, 51.5, 52),
    (1.0000001, 1, 1e-6, 1e5, 3, 20, 60),
    (0.5, 1e5, 0.5, 0.1, 0, 0, 40),
    (0.5, 1e5, 0.5, 0.1, 3, 5, 40),
    (0.5, 1e5, 0.5, 0.1, 100, 39, 40),
    (0.3, 50, 1e4, 1e6, 0, 0, 100),
    (0.3, 50, 1e4, 1e6, 10, 30, 100),
    (0.3, 50, 1e4, 1e6, 300, 90, 100),
    (1.5, 1, 0.6, 30, 2, 10, 52),
    (1.5, 1, 0.6, 30, 20, 50, 52),
    (2.5, 0.01, 0.2, 0.05, 7, 3, 80),
    (0.25, 0.7, 0.04, 166.7, 850, 60, 100),
    (0.7, 3, 3e-15, 1e3, 1770, 70, 104),
    (0.9, 8, 1.2, 1e9, 12, 1, 90),
    # t_x a hair before T: the interval's length must survive
    (1.0, 1.02, 1.0, 4.1, 1, 0.50999999949, 0.51),
    (0.8, 2, 2e-8, 1.09e6, 3, 51.9999999, 52),
]

def tail(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, tx, T = map(mpf, (r, alpha, s, beta, tx, T))
    p = r + x
    q = s + 1
    m0 = min(alpha, beta)
    v0 = log(m0 + tx)
    v1 = log(m0 + T)
    f = lambda v: exp(-p * log(alpha - m0 + exp(v)) - q * log(beta - m0 + exp(v)) + v)
    n = 400
    pts = [v0 + (v1 - v0) * k / n for k in range(n + 1)]
    return quad(f, pts)

print("r,alpha,s,beta,x,tx,T,ln_s_J,log_likelihood")
for c in CASES:
    r, alpha, s, beta, x, tx, T = c
    J = tail(*c)
    lnsj = log(mpf(s)) + log(J)
    rm, am, sm, bm = map(mpf, (r, alpha, s, beta))
    l1 = -(rm + x) * log(am + T) - sm * log(bm + T)
    ll = loggamma(rm + x) - loggamma(rm) + rm * log(am) + sm * log(bm) + log(exp(l1) + sm * J)
    print(",".join([repr(v) for v in c] + [mp.nstr(lnsj, 25), mp.nstr(ll, 25)]))
