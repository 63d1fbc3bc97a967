#!/usr/bin/env python3
# The Python counterpart of `xanesml classify` for the throughput comparison (issue 18): read each XDI file with
# numpy's loadtxt, mu = ln(i0/itrans), Larch-style pre_edge normalisation (find_e0 on the smoothed derivative, a
# linear pre-edge line, a post-edge polynomial, edge step at E0), mu on an E0-relative grid, and a scikit-learn SVC
# with probabilities, trained on the OmniXAS Cu FEFF spectra (CN 4/5/6, all-O first shell, train split).
#
# Larch itself cannot be installed here (PyPI is unreachable); this is a lean numpy version of its pre_edge with the
# same steps and no group objects or checks, so it costs less CPU than Larch would: a ratio against it is a lower
# bound of the ratio against the real Larch + scikit-learn pipeline. Predictions are made in one batch at the end,
# scikit-learn's fastest way, again in Python's favour.
#
# Usage (Debian's python3-sklearn: /usr/bin/python3):
#   /usr/bin/python3 devtools/python/pipeline.py train <shared> <model.pickle>
#   /usr/bin/time -f '%U user %S sys' /usr/bin/python3 devtools/python/pipeline.py classify <model.pickle> DIR out.csv
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
    return e0, (mu - pre) / step


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


def features(energy, mu):
    e0, norm = pre_edge(energy, mu)
    return np.interp(e0 + GRID, energy, norm)


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


def classify(model_file, folder, out):
    with open(model_file, "rb") as f:
        model = pickle.load(f)
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".xdi"))
    rows, x = [], []
    for p in files:
        try:
            x.append(features(*xdi_mu(p)))
            rows.append(p)
        except Exception as e:  # a bad file is reported and the run goes on, as xanesml does
            print(f"{p}: {e}", file=sys.stderr)
    proba = model.predict_proba(np.array(x))
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "cn"] + [f"p_{c}" for c in model.classes_])
        for p, pr in zip(rows, proba):
            w.writerow([p, model.classes_[int(np.argmax(pr))]] + [f"{v:.6f}" for v in pr])
    print(f"{len(rows)} spectra classified, {len(files) - len(rows)} failed")


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3])
    else:
        classify(sys.argv[2], sys.argv[3], sys.argv[4])
