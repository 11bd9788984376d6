#!/usr/bin/python3
"""PyTorch reference for `./jdnn train`: the same LeNet-5 on the same Fashion-MNIST files, timed the
same way, so that jdnn's epoch times can be set next to PyTorch's on the machine at hand.

Model, data and schedule as in jdnn's example: conv 1->6 5x5 pad 2, ReLU, max-pool 2; conv 6->16
5x5, ReLU, max-pool 2; dense 400->120, ReLU; 120->84, ReLU; 84->10; softmax cross-entropy; inputs
(pixel/255 - 0.2860)/0.3530; He-normal weights, zero biases; SGD with momentum; shuffled batches,
the last partial batch kept. An epoch's seconds cover the training steps only (the batches are
already tensors in memory); the test evaluation is timed apart, as jdnn reports it.

Needs Debian's python3-torch. PyTorch's conv and linear layers go through the system BLAS
(libblas.so.3): the reference BLAS as Debian installs it, OpenBLAS after
`apt-get install libopenblas0-pthread` (set OPENBLAS_NUM_THREADS=1 to keep its threads off
PyTorch's own).

    /usr/bin/python3 pytorch_lenet5.py [--epochs 2] [--threads 2] [--batch 64] [--lr 0.01] [--data DIR]
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
    if magic == 2049:
        return np.frombuffer(data, dtype=np.uint8, offset=8)
    raise ValueError(f"{path}: bad IDX magic {magic:#x}")


def load(directory, kind):
    images = read_idx(f"{directory}/{kind}-images-idx3-ubyte.gz")
    labels = read_idx(f"{directory}/{kind}-labels-idx1-ubyte.gz")
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.2860) / 0.3530
    return x, torch.from_numpy(labels.astype(np.int64))


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)
        for layer in (self.conv1, self.conv2, self.fc1, self.fc2, self.fc3):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def loaded_blas():
    """The BLAS libraries mapped into this process (which one libblas.so.3 resolved to)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(paths)) or "none mapped"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data, "train")
    test_x, test_y = load(args.data, "t10k")
    model = LeNet5()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    model(train_x[:2]).sum().backward()  # loads the BLAS the layers use, so that it shows in the maps
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, BLAS: {loaded_blas()}, "
          f"batch {args.batch}, SGD lr {args.lr} momentum {args.momentum}")
    count = len(train_x)
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(count)
        batches = [(train_x[order[i:i + args.batch]], train_y[order[i:i + args.batch]])
                   for i in range(0, count, args.batch)]
        model.train()
        loss_sum, correct = 0.0, 0
        start = time.perf_counter()
        for x, y in batches:
            optimizer.zero_grad(set_to_none=True)
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
        seconds = time.perf_counter() - start
        model.eval()
        eval_start = time.perf_counter()
        with torch.no_grad():
            test_correct = sum((model(test_x[i:i + 1000]).argmax(1) == test_y[i:i + 1000]).sum().item()
                               for i in range(0, len(test_x), 1000))
        eval_seconds = time.perf_counter() - eval_start
        print(f"epoch {epoch}/{args.epochs}: train loss {loss_sum / count:.3f}, train accuracy "
              f"{100 * correct / count:.2f}%, test accuracy {100 * test_correct / len(test_x):.2f}%, "
              f"{seconds:.1f} s ({count / seconds:,.0f} images/s); evaluation {eval_seconds:.1f} s")


if __name__ == "__main__":
    main()
