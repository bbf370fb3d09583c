"""The shared generator's transaction log (shared/bench/gen_transactions.py: customer_id,date,amount;
every customer at least once, gamma(0.8) propensities, dates uniform over 2022-01-01..2023-12-31,
lognormal amounts with 2 decimals, rows shuffled), written in chunks so that 100 M rows fit in memory.

The shared generator builds the whole frame at once (for 100 M rows more than 24 GiB); this one keeps
only the shuffled customer column (8 bytes a row) and draws dates and amounts per chunk of rows. Same
distributions and seed, not the same bytes: the draws come in another order.

Usage: /usr/bin/python3 gen_transactions_chunked.py N_TX N_CUST OUT [CHUNK_ROWS]
"""
import os
import sys
import time

import numpy as np
import pandas as pd

n_tx, n_cust, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 5_000_000
t0 = time.perf_counter()
rng = np.random.default_rng(7)
w = rng.gamma(0.8, 1.0, size=n_cust)
counts = 1 + rng.multinomial(n_tx - n_cust, w / w.sum())
cust = np.repeat(np.arange(1, n_cust + 1, dtype=np.int64), counts)
rng.shuffle(cust)
days = pd.date_range("2022-01-01", "2023-12-31", freq="D").strftime("%Y-%m-%d").to_numpy()
with open(out, "w", newline="") as f:
    f.write("customer_id,date,amount\n")
    for lo in range(0, n_tx, chunk):
        hi = min(n_tx, lo + chunk)
        n = hi - lo
        date = days[rng.integers(0, len(days), size=n)]
        cents = np.maximum(100, np.round(rng.lognormal(3.5, 0.9, size=n) * 100)).astype(np.int64)
        amount = pd.Series(cents // 100).astype(str) + "." + pd.Series(cents % 100).astype(str).str.zfill(2)
        pd.DataFrame({"customer_id": cust[lo:hi], "date": date, "amount": amount}).to_csv(
            f, index=False, header=False)
print(f"wrote {out}: {n_tx} rows, {n_cust} customers in {time.perf_counter() - t0:.1f}s, "
      f"{os.path.getsize(out) / 1e6:.0f} MB; max tx/customer {counts.max()}")
