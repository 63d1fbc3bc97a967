#!/usr/bin/env python3
# The Python counterpart of `xanesml classify` for the throughput comparison (issue 18): read each XDI file with
# numpy's loadtxt, mu = ln(i0/itrans), pre_edge normalisation, mu on an E0-relative grid, and a scikit-learn SVC with
# probabilities, trained on the OmniXAS Cu FEFF spectra (CN 4/5/6, all-O first shell, train split).
#
# Two normalisers, everything else identical (reading, grid, model, one batch prediction at the end):
# * lean (default): a numpy version of Larch's pre_edge with the same steps (find_e0 on the smoothed derivative, a
#   linear pre-edge line, a post-edge polynomial, edge step at E0) and no group objects, checks or flattening fit. It
#   costs less CPU than Larch and its E0 is not always Larch's, so a ratio against it is a lower bound of the ratio
#   against a Larch pipeline.
# * larch (--normalise larch): Larch's own pre_edge, unchanged, called as a Larch script does,
#   pre_edge(energy, mu, group=Group()) with its defaults (so it also fits the flattening and guesses the element
#   and edge from E0). Larch is imported only then; it is not a dependency of the project, PYTHONPATH must reach it.
# * larch-trimmed (--normalise larch-trimmed): the same pre_edge without the flattening fit (make_flat=False) and
#   with the element and edge given (no guess_edge): what a script that knows it only needs norm would call.
# Predictions are made in one batch at the end, scikit-learn's fastest way, in Python's favour. The output CSV also
# has each spectrum's E0 and edge step, to compare with `xanesml normalize`.
#
# Usage (Debian's python3-sklearn: /usr/bin/python3):
#   /usr/bin/python3 devtools/python/pipeline.py train <shared> <model.pickle>
#   /usr/bin/time -f '%U user %S sys' /usr/bin/python3 devtools/python/pipeline.py classify <model.pickle> DIR out.csv
#   ... pipeline.py classify --normalise larch <model.pickle> DIR out.csv    (README-throughput.md: how Larch was run)
import csv
import gzip
import os
import pickle
import sys

import numpy as np

GRID = np.linspace(-10.0, 60.0, 100)  # eV from E0, as the scikit-learn baseline's e0grid100


def smooth(x, y, sigma):
    """Gaussian smoothing on a uniform grid of step sigma, back on x (Larch's smooth(), xstep=sigma)."""
    xu = np.arange(x[0], x[-1] + sigma, sigma)
    yu = np.interp(xu, x, y)
    k = np.arange(-4, 5)
    w = np.exp(-0.5 * k * k)
    w /= w.sum()
    pad = np.concatenate([np.full(4, yu[0]), yu, np.full(4, yu[-1])])
    return np.interp(x, xu, np.convolve(pad, w, mode="valid"))


def find_e0(energy, mu):
    step = np.median(np.diff(energy))
    dmu = np.gradient(mu) / np.gradient(energy)
    e0 = energy[np.argmax(dmu)]
    # second pass as Larch's: the smoothed derivative near the first estimate
    sm = smooth(energy, dmu, max(step, 0.1))
    near = np.abs(energy - e0) < 20
    return energy[near][np.argmax(sm[near])]


def pre_edge(energy, mu):
    """The lean normaliser: (e0, edge step, norm)."""
    e0 = find_e0(energy, mu)
    pre1 = max(energy[0] - e0, -200.0)
    pre2 = pre1 / 3.0
    norm2 = energy[-1] - e0
    norm1 = min(25.0, norm2 / 3.0)
    nnorm = 2 if norm2 - norm1 >= 300 else (1 if norm2 - norm1 >= 30 else 0)
    p = (energy >= e0 + pre1) & (energy <= e0 + pre2)
    pre = np.polyval(np.polyfit(energy[p], mu[p], 1), energy)
    q = (energy >= e0 + norm1) & (energy <= e0 + norm2)
    post = np.polyval(np.polyfit(energy[q], mu[q] - pre[q], nnorm), energy)
    step = np.interp(e0, energy, post)
    return e0, step, (mu - pre) / step


def larch_pre_edge(trimmed=False):
    """The larch normaliser: Larch's pre_edge as a script calls it, giving (e0, edge step, norm) as the lean one.
    trimmed: without what the features do not use (make_flat=False: no lmfit flattening fit; element and edge given:
    no xraydb guess_edge), the cheapest honest Larch call."""
    try:
        from larch import Group
        from larch.xafs import pre_edge as larch_pre_edge
    except ImportError as e:  # Larch is not a dependency of the project: say how to reach it
        sys.exit(f"--normalise larch: cannot import Larch ({e}); put its source and its pure-Python dependencies on "
                 "PYTHONPATH, as devtools/python/README-throughput.md describes")

    def normalise(energy, mu):
        if trimmed:
            g = Group(atsym="Cu", edge="K")
            larch_pre_edge(energy, mu, group=g, make_flat=False)
        else:
            g = Group()
            larch_pre_edge(energy, mu, group=g)
        return g.e0, g.edge_step, g.norm
    return normalise


def xdi_mu(path):
    names = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("# Column."):
                names.append(line.split(":", 1)[1].split()[0].lower())
    data = np.loadtxt(path, comments="#", ndmin=2)
    col = {n: i for i, n in enumerate(names)}
    energy = data[:, col.get("energy", 0)]
    if "mutrans" in col:
        mu = data[:, col["mutrans"]]
    else:
        mu = np.log(data[:, col["i0"]] / data[:, col["itrans"]])
    order = np.argsort(energy)
    return energy[order], mu[order]


def features(normalise, energy, mu):
    e0, step, norm = normalise(energy, mu)
    return e0, step, np.interp(e0 + GRID, energy, norm)


def train(shared, out):
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    labels = {}
    with open(os.path.join(shared, "data/omnixas-cu/sites.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["first_shell_all_O"] == "1" and r["cn_shell125"] in ("4", "5", "6") and r["omnixas_split"] == "train":
                labels[r["id"]] = r["cn_shell125"]
    x, y = [], []
    with gzip.open(os.path.join(shared, "data/omnixas-cu/spectra.csv.gz"), "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["id"] in labels:
                e = np.array(r["omega_eV"].split(), float)
                m = np.array(r["mu"].split(), float)
                # FEFF mu is edge-normalised already: E0 as the measured spectra get it, no pre_edge
                x.append(np.interp(find_e0(e, m) + GRID, e, m))
                y.append(labels[r["id"]])
    model = make_pipeline(StandardScaler(), SVC(C=10, gamma="scale", probability=True, random_state=0))
    model.fit(np.array(x), np.array(y))
    with open(out, "wb") as f:
        pickle.dump(model, f)
    print(f"trained on {len(y)} spectra; {model[-1].n_support_.sum()} support vectors")


def classify(model_file, folder, out, normalise=pre_edge):
    with open(model_file, "rb") as f:
        model = pickle.load(f)
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".xdi"))
    rows, x = [], []
    for p in files:
        try:
            e0, step, f = features(normalise, *xdi_mu(p))
            x.append(f)
            rows.append((p, e0, step))
        except Exception as e:  # a bad file is reported and the run goes on, as xanesml does
            print(f"{p}: {e}", file=sys.stderr)
    proba = model.predict_proba(np.array(x))
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "e0_eV", "edge_step", "cn"] + [f"p_{c}" for c in model.classes_])
        for (p, e0, step), pr in zip(rows, proba):
            w.writerow([p, repr(float(e0)), repr(float(step)), model.classes_[int(np.argmax(pr))]]
                       + [f"{v:.6f}" for v in pr])
    print(f"{len(rows)} spectra classified, {len(files) - len(rows)} failed")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[0] == "train":
        train(args[1], args[2])
    elif args[0] == "classify" and args[1:3] == ["--normalise", "larch"]:
        classify(args[3], args[4], args[5], larch_pre_edge())
    elif args[0] == "classify" and args[1:3] == ["--normalise", "larch-trimmed"]:
        classify(args[3], args[4], args[5], larch_pre_edge(trimmed=True))
    elif args[0] == "classify" and args[1:3] == ["--normalise", "lean"]:
        classify(args[3], args[4], args[5])
    elif args[0] == "classify" and len(args) == 4:
        classify(args[1], args[2], args[3])
    else:
        sys.exit("usage: pipeline.py train <shared> <model.pickle>\n"
                 "       pipeline.py classify [--normalise lean|larch|larch-trimmed] <model.pickle> DIR out.csv")
