"""The students of benchmarks/fashion-mnist-distillation.sh over SEEDS: mean ± standard error and paired
differences (simultaneous − labels), from each WORK/seedN/evaluate.txt. Usage: python3 benchmarks/summarise-student-seeds.py WORK"""
import glob
import re
import statistics
import sys

rows = {}
for path in sorted(glob.glob(sys.argv[1] + "/seed*/evaluate.txt")):
    seed = int(re.search(r"seed(\d+)", path).group(1))
    r = {}
    for line in open(path):
        m = re.match(r"(\S.*?)\s{2,}(\d+\.\d+)%\s+(\S+)\s+(\S+)\s+(\S+)\s+\d+\s+\d+\s+(\S+)\s+(\S+)", line)
        if m:
            r[m.group(1).strip()] = dict(acc=float(m.group(2)), f1=float(m.group(3)), nll=float(m.group(4)),
                                          ece=float(m.group(5)), b1=float(m.group(6)), b64=float(m.group(7)))
    rows[seed] = r
seeds = sorted(rows)
def se(xs): return statistics.stdev(xs) / len(xs) ** 0.5 if len(xs) > 1 else float("nan")
print("seeds:", seeds)
ens = rows[seeds[0]]
fusion = {k: v["acc"] for k, v in ens.items() if k.startswith("teachers [")}
best = max(fusion, key=fusion.get)
print("teachers:", ", ".join("%.2f" % v["acc"] for k, v in sorted(ens.items()) if k.startswith("teachers/member")))
print("best fusion: %s %.2f; mean %.2f; stacking %.2f" % (best, fusion[best], fusion["teachers [mean]"], fusion["teachers [stacking]"]))
for arch in ("cnn-medium", "cnn-small"):
    for what in ("acc", "f1", "nll", "ece"):
        sim = [rows[s]["student-%s-simultaneous" % arch][what] for s in seeds]
        lab = [rows[s]["student-%s-labels" % arch][what] for s in seeds]
        d = [a - b for a, b in zip(sim, lab)]
        print("%-10s %-4s simultaneous %s | mean %.4f ± %.4f   labels %s | mean %.4f ± %.4f   diff mean %+.4f ± %.4f, sim ahead in %d of %d" % (
            arch, what, " ".join("%.4f" % x for x in sim), statistics.mean(sim), se(sim),
            " ".join("%.4f" % x for x in lab), statistics.mean(lab), se(lab), statistics.mean(d), se(d),
            sum(1 for x in d if (x > 0 if what in ("acc", "f1") else x < 0)), len(d)))
for s in seeds:
    r = rows[s]
    print("seed %d latency ms b1/b64: ensemble mean %.3f/%.3f, medium sim %.3f/%.3f, small sim %.3f/%.3f" % (
        s, r["teachers [mean]"]["b1"], r["teachers [mean]"]["b64"], r["student-cnn-medium-simultaneous"]["b1"],
        r["student-cnn-medium-simultaneous"]["b64"], r["student-cnn-small-simultaneous"]["b1"], r["student-cnn-small-simultaneous"]["b64"]))
