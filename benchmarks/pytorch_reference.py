#!/usr/bin/env python3
"""PyTorch eager reference for DjlVsPyTorchBenchmark.

The same network as Tessera's ``cnn-medium`` on 3x32x32 input with 10 classes:
conv3x3(32, no bias)-BN-ReLU, maxpool2, conv3x3(64)-BN-ReLU, maxpool2,
conv3x3(128)-BN-ReLU, conv3x3(128)-BN-ReLU, global average pool, flatten, Linear(10).
Synthetic random data, batch 64, Adam lr 1e-3, cross-entropy. Prints one JSON line.

Run with any python that has torch:
    python3 benchmarks/pytorch_reference.py --threads 2 --train-steps 60 --infer-batches 100

With --serve it warms up, prints {"ready": ...}, then reads commands from stdin, one a line:
"train N" (N timed training steps), "infer N" (N timed inference batches) or "quit"; it answers
each with one JSON line {"op", "n", "seconds", "images_per_s"}. DjlVsPyTorchBenchmark uses this to
interleave short blocks of both frameworks, so that load from elsewhere on a shared machine falls
on both alike.
"""
import argparse
import json
import platform
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]


def cnn_medium(channels=3, classes=10):
    return nn.Sequential(
        *conv_bn_relu(channels, 32), nn.MaxPool2d(2, 2),
        *conv_bn_relu(32, 64), nn.MaxPool2d(2, 2),
        *conv_bn_relu(64, 128), *conv_bn_relu(128, 128),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, classes))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--train-steps", type=int, default=60)
    p.add_argument("--infer-batches", type=int, default=100)
    p.add_argument("--warmup", type=int, default=10, help="untimed steps/batches before each measurement")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--serve", action="store_true", help="answer train/infer commands on stdin (see above)")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set (only possible before any parallel work)
    torch.manual_seed(a.seed)

    model = cnn_medium()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    pool = 4  # a few distinct batches, cycled
    xs = [torch.randn(a.batch, 3, 32, 32) for _ in range(pool)]
    ys = [torch.randint(0, 10, (a.batch,)) for _ in range(pool)]

    def train_step(i):
        x, y = xs[i % pool], ys[i % pool]
        opt.zero_grad(set_to_none=True)
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        opt.step()
        # the DJL step reads the loss and the number of correct predictions back each step
        value = loss.item()
        correct = int((logits.detach().argmax(1) == y).sum())
        return value, correct

    def infer_batch(i):
        with torch.no_grad():
            model(xs[i % pool]).numpy()  # the DJL side copies the logits back to a float[]

    if a.serve:
        serve(a, model, train_step, infer_batch)
        return

    model.train()
    for i in range(a.warmup):
        train_step(i)
    t0 = time.perf_counter()
    for i in range(a.train_steps):
        train_step(i)
    train_s = time.perf_counter() - t0

    model.eval()
    with torch.no_grad():
        for i in range(a.warmup):
            model(xs[i % pool]).numpy()
        t0 = time.perf_counter()
        for i in range(a.infer_batches):
            model(xs[i % pool]).numpy()  # the DJL side copies the logits back to a float[]
        infer_s = time.perf_counter() - t0

    print(json.dumps({
        "framework": "pytorch",
        "version": torch.__version__,
        "python": platform.python_version(),
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "batch": a.batch,
        "train_steps": a.train_steps,
        "infer_batches": a.infer_batches,
        "train_images_per_s": a.train_steps * a.batch / train_s,
        "infer_images_per_s": a.infer_batches * a.batch / infer_s,
    }))
    sys.stdout.flush()


def serve(a, model, train_step, infer_batch):
    """Warm both paths up, then time blocks on request."""
    model.train()
    for i in range(a.warmup):
        train_step(i)
    model.eval()
    for i in range(a.warmup):
        infer_batch(i)
    print(json.dumps({"ready": True, "framework": "pytorch", "version": torch.__version__,
                      "python": platform.python_version(), "threads": torch.get_num_threads(),
                      "interop_threads": torch.get_num_interop_threads()}))
    sys.stdout.flush()
    step = 0
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        op, n = parts[0], int(parts[1])
        if op == "train":
            model.train()
            t0 = time.perf_counter()
            for _ in range(n):
                train_step(step)
                step += 1
        elif op == "infer":
            model.eval()
            t0 = time.perf_counter()
            for i in range(n):
                infer_batch(i)
        else:
            raise SystemExit("unknown command " + op)
        seconds = time.perf_counter() - t0
        print(json.dumps({"op": op, "n": n, "seconds": seconds, "images_per_s": n * a.batch / seconds}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
