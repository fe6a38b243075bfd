"""Choosing the CRF's L-BFGS regularisation (c1, c2) and the hybrid's rule fallback on a work split.

    python benchmarks/tune_crf.py --work ../labels/tests/refparse/data/wave2-work.jsonl \\
        --params 0.05,0.01 0.1,0.1 0.2,0.3 --fallbacks 0,0.5,0.6

Each setting trains a model on the shipped training sets *without* the work set (and 6,000
synthetic references, for speed), then scores the work set with each rule-fallback threshold.
Held-out sets are never used here.  Training takes minutes per setting.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_sets  # noqa: E402

from polybib.refparse import hybrid, labeller  # noqa: E402
from polybib.training import train  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True, help="the labelled work set to score on")
    parser.add_argument("--params", nargs="+", default=["0.05,0.01", "0.1,0.1"], metavar="C1,C2")
    parser.add_argument("--fallbacks", default="0,0.5,0.6")
    parser.add_argument("--synthetic", type=int, default=6000)
    args = parser.parse_args()
    if "heldout" in args.work.name:
        raise SystemExit(f"{args.work}: held-out data is not for tuning")
    rows = [json.loads(line) for line in args.work.read_text(encoding="utf-8").splitlines() if line.strip()]
    scorer = score_sets._scorer()
    sets = [p for p in train.default_sets() if p.name != args.work.name]
    print(f"{'c1':>5} {'c2':>5} {'fallback':>8} {'micro F1':>9} {'wholly':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for setting in args.params:
            c1, c2 = (float(x) for x in setting.split(","))
            model = Path(tmp) / f"m-{c1}-{c2}.crfsuite"
            train.train_model(sets, model, synthetic_count=args.synthetic, params={"c1": c1, "c2": c2},
                              shipped_sets=False)
            labeller.use_model(model)
            for fallback in (float(x) for x in args.fallbacks.split(",")):
                hybrid.RULE_FALLBACK = fallback
                tp, fp, fn, exact = score_sets.score_rows(rows, scorer)
                t, p, m = sum(tp.values()), sum(fp.values()), sum(fn.values())
                print(f"{c1:5} {c2:5} {fallback:8} {2 * t / (2 * t + p + m):9.4f} {exact:4}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
