"""Reference values for the source's network, computed with PyTorch (a framework's autograd).

The same computation as reference_numpy.py (read its docstring for the network, the cost and the
step), from the same inputs (tests/fixtures/parity/inputs.json, written by reference_numpy.py):
one SGD step on one example with no penalty, L1 and L2 (the cost and its two terms, every
gradient, the parameters after the step), and the parameters after 100 epochs over the training
rows in one fixed order; in float64 and in float32. The gradients come from autograd, the step
from torch.optim.SGD, the products from torch.matmul (in its own order of summation).

The penalty is written as TensorFlow 1's regularizers define it: l1_regularizer(lam) is
lam * sum|w|, l2_regularizer(lam) is lam * sum(w**2) / 2 (tf.nn.l2_loss); both on the four weight
matrices only, added to the cost of every single-example step. torch.sign(0) = 0, as tf.abs's
gradient.

Run from the repository root, after reference_numpy.py:
    python3 scripts/parity/reference_torch.py
It writes tests/fixtures/parity/torch.json; the unit tests (packages/nn/test/parity.test.ts)
compare the core with it whenever the file is there.
"""

import json
import platform
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
DIR = ROOT / "tests" / "fixtures" / "parity"
METHODS = ["none", "l1", "l2"]


def parameters(inputs, dtype):
    sizes = inputs["sizes"]
    ws = [torch.tensor(w, dtype=dtype).reshape(a, b).requires_grad_() for w, a, b in zip(inputs["weights"], sizes[:-1], sizes[1:])]
    bs = [torch.tensor(b, dtype=dtype).requires_grad_() for b in inputs["biases"]]
    return ws, bs


def cost_of(ws, bs, x, y, method, lam, dtype):
    h = torch.tensor([[x]], dtype=dtype)
    for w, b in zip(ws, bs):
        h = h @ w + b
    data = torch.abs(h[0, 0] - torch.tensor(y, dtype=dtype))
    lam = torch.tensor(lam, dtype=dtype)
    if method == "l1":
        terms = [lam * torch.sum(torch.abs(w)) for w in ws]
    elif method == "l2":
        terms = [lam * (torch.sum(w * w) / 2) for w in ws]
    else:
        terms = [torch.zeros((), dtype=dtype)]
    penalty = terms[0]
    for t in terms[1:]:
        penalty = penalty + t
    return data + penalty, data, penalty


def flat(tensors):
    return [t.detach().to(torch.float64).reshape(-1).tolist() for t in tensors]


def record(inputs, dtype):
    lam, lr, row = inputs["lambda"], inputs["lr"], inputs["stepRow"]
    out = {"step": {}, "epochs": {}}
    for method in METHODS:
        ws, bs = parameters(inputs, dtype)
        opt = torch.optim.SGD(ws + bs, lr=lr)
        opt.zero_grad()
        cost, data, penalty = cost_of(ws, bs, inputs["x"][row], inputs["y"][row], method, lam, dtype)
        cost.backward()
        grads_w = [w.grad.clone() for w in ws]
        grads_b = [b.grad.clone() for b in bs]
        opt.step()
        out["step"][method] = {
            "loss": float(cost),
            "dataLoss": float(data),
            "penalty": float(penalty),
            "gradWeights": flat(grads_w),
            "gradBiases": flat(grads_b),
            "weights": flat(ws),
            "biases": flat(bs),
        }
        ws, bs = parameters(inputs, dtype)
        opt = torch.optim.SGD(ws + bs, lr=lr)
        for _ in range(inputs["epochs"]):
            for x, y in zip(inputs["x"], inputs["y"]):
                opt.zero_grad()
                cost_of(ws, bs, x, y, method, lam, dtype)[0].backward()
                opt.step()
        out["epochs"][method] = {"weights": flat(ws), "biases": flat(bs)}
    return out


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    inputs = json.loads((DIR / "inputs.json").read_text())
    result = {
        "producer": f"PyTorch {torch.__version__} (scripts/parity/reference_torch.py), Python {platform.python_version()}, {platform.machine()}",
        "framework": True,
        "digits": {"float64": None, "float32": None},
        "float64": record(inputs, torch.float64),
        "float32": record(inputs, torch.float32),
    }
    (DIR / "torch.json").write_text(json.dumps(result) + "\n")
    print(f"wrote {DIR / 'torch.json'} ({result['producer']})", file=sys.stderr)


if __name__ == "__main__":
    main()
