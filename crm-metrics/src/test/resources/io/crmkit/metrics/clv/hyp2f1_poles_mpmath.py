"""Reference values for HypergeometricPoleTest: 2F1(a, b; c; z) at 40 digits (mpmath 1.3.0) where
c - b or c - a is near a non-positive integer, and where c - a - b is near 0 with z near 1 (issue 21).
The parameters are the doubles the Java side sees, printed with 17 digits. Run: python3 hyp2f1_poles_mpmath.py
"""
import mpmath as mp
mp.mp.dps = 40
rows = []

def add(a, b, c, z):
    a = mp.mpf(a); b = mp.mpf(b); c = mp.mpf(c); z = mp.mpf(z)
    rows.append((a, b, c, z, mp.hyp2f1(a, b, c, z)))

for a in ['0.5', '2.3', '7.25']:
    for b in ['1.5', '3.7', '20.2']:
        for eps in ['0', '1e-12', '-1e-12', '1e-8', '-1e-8', '1e-4', '-1e-4']:
            for z in ['0.6', '0.9', '0.99', '0.999']:
                bd = float(b); cd = float(mp.mpf(bd) + mp.mpf(eps))
                add(float(a), bd, cd, float(z))
# c - a near -1, -2
for n in [1, 2]:
    for eps in ['0', '1e-12', '-1e-12', '1e-8', '-1e-8']:
        for z in ['0.7', '0.95', '0.999']:
            cd = 3.25; ad = float(mp.mpf(cd) + n - mp.mpf(eps))
            add(ad, 1.6, cd, float(z))
# c - a - b near 0, z near 1
for d in ['0', '1e-12', '-1e-12', '1e-8', '-1e-8', '1e-6', '-1e-6']:
    for z in ['0.99', '0.9999', '0.999999']:
        a = 1.3; b = 2.1; c = float(mp.mpf(a) + mp.mpf(b) + mp.mpf(d))
        add(a, b, c, float(z))
# c - b farther from the pole (within and beyond the 0.05 where the 1 - z transformation is skipped)
for a in ['0.5', '2.3', '7.25']:
    for b in ['1.5', '3.7', '20.2']:
        for eps in ['1e-3', '-1e-3', '2e-3', '-2e-3', '1e-2', '-1e-2', '-0.999', '-1.0000001', '-2.000000001']:
            for z in ['0.6', '0.9', '0.99', '0.999']:
                bd = float(b); cd = float(mp.mpf(bd) + mp.mpf(eps))
                if cd <= 0:
                    continue
                add(float(a), bd, cd, float(z))
print('a,b,c,z,hyp2f1')
for a, b, c, z, v in rows:
    print('%s,%s,%s,%s,%s' % (mp.nstr(a, 17), mp.nstr(b, 17), mp.nstr(c, 17), mp.nstr(z, 17), mp.nstr(v, 25)))
