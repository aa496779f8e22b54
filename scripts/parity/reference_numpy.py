"""Reference values for the source's network, computed with NumPy from the maths.

The network of the L1-vs-L2 article's source: weights of shapes (1,10), (10,10), (10,10), (10,1),
biases, no activation function; the cost of one example (x, y) is

    C = |p - y| + R(W),   p = (((x W1 + b1) W2 + b2) W3 + b3) W4 + b4,
    R = lam * sum |w|            (L1, TensorFlow's l1_regularizer)
    R = lam * sum w**2 / 2       (L2, TensorFlow's l2_regularizer)
    R = 0                        (none)

summed over all four weight matrices (never the biases), and one step of plain SGD is
theta <- theta - lr * dC/dtheta with the subgradient sign(0) = 0.

This script writes, for fixed weights, data and order (all stored in the output):
  - one SGD step on one example: the cost and its two terms, every gradient (dC/dW, dC/db) and
    the parameters after the step, for none, L1 and L2;
  - the parameters after 100 epochs over the 40 training rows in one fixed order;
each in float64 and in float32.

float64: written with NumPy's own matrix products and sums (their order of summation is NumPy's).
float32: every operation in float32, and every sum in index order (a unit's inputs i = 0, 1, ...;
a unit's outputs j = 0, 1, ...; a matrix's entries row by row; the layers first to last), since
float32 sums in another order differ in the last bits; the matrix product is x W + b: the products
summed first, then the bias added. This is the convention the core's float32 path documents
(packages/nn/src/single.ts); the code below is written from the formulas above, not from it.

Run from the repository root:  python3 scripts/parity/reference_numpy.py
It rewrites tests/fixtures/parity/inputs.json and tests/fixtures/parity/numpy.json.
"""

import json
import platform
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "parity"
SIZES = [1, 10, 10, 10, 1]
LAMBDA = 0.3
LR = 0.01
EPOCHS = 100
METHODS = ["none", "l1", "l2"]
STEP_ROW = 3  # the example of the one-step check: the fourth training row
# float64 results are printed to these significant digits: beyond them they depend on the order
# in which a sum is taken (NumPy's here, another library's elsewhere). float32 results are printed
# whole: every float32 value, exactly.
DIGITS64 = {"step": 14, "epochs": 8}


def make_inputs():
    """Fixed weights (Glorot uniform, rounded to float32), data (the source's recipe) and order."""
    rng = np.random.default_rng(20261201)
    weights, biases = [], []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        w = rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)
        weights.append(w.astype(np.float64).ravel().tolist())
        biases.append([0.0] * fan_out)
    # the source's data: 50 points on y = 2x, ten outliers at 0, 5, ..., 45 with one shared
    # offset from U[0, 10), noise U[0, 2) on every point; training rows = all but every fifth
    # point (4, 9, ..., 49), in ascending order: one fixed order, every epoch
    x = np.linspace(0.5, 9.5, 50)
    y = 2 * x
    y[np.arange(0, 50, 5)] += rng.uniform(0, 10)
    y += rng.uniform(0, 2, size=50)
    rows = [i for i in range(50) if i % 5 != 4]
    return {
        "sizes": SIZES,
        "lambda": LAMBDA,
        "lr": LR,
        "epochs": EPOCHS,
        "weights": weights,
        "biases": biases,
        "x": x[rows].tolist(),
        "y": y[rows].tolist(),
        "stepRow": STEP_ROW,
    }


def unpack(inputs, dtype):
    ws = [np.array(w, dtype=dtype).reshape(a, b) for w, a, b in zip(inputs["weights"], SIZES[:-1], SIZES[1:])]
    bs = [np.array(b, dtype=dtype) for b in inputs["biases"]]
    return ws, bs


# ---------------------------------------------------------------- float64, NumPy's own order


def step64(ws, bs, x, y, method, lam, lr):
    acts = [np.array([x])]
    for w, b in zip(ws, bs):
        acts.append(acts[-1] @ w + b)
    p = acts[-1][0]
    data = abs(p - y)
    if method == "l1":
        penalty = lam * sum(np.sum(np.abs(w)) for w in ws)
    elif method == "l2":
        penalty = lam * sum(np.sum(w * w) for w in ws) / 2
    else:
        penalty = 0.0
    g = np.array([np.sign(p - y)])  # dC/dp
    grad_w, grad_b = [None] * 4, [None] * 4
    for l in range(3, -1, -1):
        grad_w[l] = np.outer(acts[l], g)
        grad_b[l] = g.copy()
        g = ws[l] @ g  # with the weights before the update
    for l in range(4):
        if method == "l1":
            grad_w[l] = grad_w[l] + lam * np.sign(ws[l])
        elif method == "l2":
            grad_w[l] = grad_w[l] + lam * ws[l]
    new_w = [w - lr * gw for w, gw in zip(ws, grad_w)]
    new_b = [b - lr * gb for b, gb in zip(bs, grad_b)]
    return {"loss": data + penalty, "dataLoss": data, "penalty": penalty}, grad_w, grad_b, new_w, new_b


# ---------------------------------------------------------------- float32, sums in index order

F = np.float32


def dot_rows(a, w):
    """z_j = sum_i a_i w_ij, summed over i = 0, 1, ... (float32)."""
    s = np.zeros(w.shape[1], dtype=F)
    for i in range(w.shape[0]):
        s = s + a[i] * w[i, :]
    return s


def dot_cols(w, d):
    """g_i = sum_j w_ij d_j, summed over j = 0, 1, ... (float32)."""
    s = np.zeros(w.shape[0], dtype=F)
    for j in range(w.shape[1]):
        s = s + w[:, j] * d[j]
    return s


def seq_sum(values):
    """Sum in storage order, float32."""
    return np.cumsum(values.ravel(), dtype=F)[-1] if values.size else F(0)


def step32(ws, bs, x, y, method, lam, lr):
    lam, lr, y = F(lam), F(lr), F(y)
    acts = [np.array([x], dtype=F)]
    for w, b in zip(ws, bs):
        acts.append(dot_rows(acts[-1], w) + b)
    p = acts[-1][0]
    diff = F(p - y)
    data = F(abs(diff))
    terms = []
    for w in ws:
        if method == "l1":
            terms.append(F(lam * seq_sum(np.abs(w))))
        elif method == "l2":
            terms.append(F(lam * F(seq_sum(w * w) / F(2))))
        else:
            terms.append(F(0))
    penalty = F(0)
    for t in terms:
        penalty = F(penalty + t)
    g = np.array([np.sign(diff)], dtype=F)
    grad_w, grad_b = [None] * 4, [None] * 4
    for l in range(3, -1, -1):
        grad_w[l] = np.outer(acts[l], g).astype(F)
        grad_b[l] = g.copy()
        g = dot_cols(ws[l], g)
    for l in range(4):
        if method == "l1":
            grad_w[l] = grad_w[l] + lam * np.sign(ws[l]).astype(F)
        elif method == "l2":
            grad_w[l] = grad_w[l] + lam * ws[l]
    new_w = [w - lr * gw for w, gw in zip(ws, grad_w)]
    new_b = [b - lr * gb for b, gb in zip(bs, grad_b)]
    for arr in grad_w + grad_b + new_w + new_b:
        assert arr.dtype == F
    return {"loss": F(data + penalty), "dataLoss": data, "penalty": penalty}, grad_w, grad_b, new_w, new_b


# ---------------------------------------------------------------- driver


def printed(value, digits):
    """value rounded to `digits` significant digits (None: as it is)."""
    return float(value) if digits is None else float(f"{float(value):.{digits - 1}e}")


def flat(arrays, digits):
    return [[printed(v, digits) for v in np.asarray(a, dtype=np.float64).ravel()] for a in arrays]


def record(step, inputs, dtype, digits):
    ws, bs = unpack(inputs, dtype)
    row = inputs["stepRow"]
    out = {"step": {}, "epochs": {}}
    for method in METHODS:
        cost, gw, gb, nw, nb = step(ws, bs, inputs["x"][row], inputs["y"][row], method, LAMBDA, LR)
        d = digits["step"]
        out["step"][method] = {
            "loss": printed(cost["loss"], d),
            "dataLoss": printed(cost["dataLoss"], d),
            "penalty": printed(cost["penalty"], d),
            "gradWeights": flat(gw, d),
            "gradBiases": flat(gb, d),
            "weights": flat(nw, d),
            "biases": flat(nb, d),
        }
        w, b = unpack(inputs, dtype)
        for _ in range(EPOCHS):
            for x, y in zip(inputs["x"], inputs["y"]):
                _, _, _, w, b = step(w, b, x, y, method, LAMBDA, LR)
        out["epochs"][method] = {"weights": flat(w, digits["epochs"]), "biases": flat(b, digits["epochs"])}
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    inputs = make_inputs()
    (OUT / "inputs.json").write_text(json.dumps(inputs, indent=1) + "\n")
    result = {
        "producer": f"NumPy {np.__version__} (scripts/parity/reference_numpy.py), Python {platform.python_version()}",
        "framework": False,
        "digits": {"float64": DIGITS64, "float32": None},
        "float64": record(step64, inputs, np.float64, DIGITS64),
        "float32": record(step32, inputs, F, {"step": None, "epochs": None}),
    }
    (OUT / "numpy.json").write_text(json.dumps(result) + "\n")
    print(f"wrote {OUT / 'inputs.json'} and {OUT / 'numpy.json'} ({result['producer']})", file=sys.stderr)


if __name__ == "__main__":
    main()
