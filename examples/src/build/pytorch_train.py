#!/usr/bin/python3
"""PyTorch beside `./jdnn train`: LeNet-5, LeNet-5 with batch norm, or the seed's CIFAR-10 model sized
for 28x28, trained on the same Fashion-MNIST files with the same optimisers and timed the same way.

The models, as jdnn's examples build them (`--model`):
  lenet5    conv 1->6 5x5 pad 2, ReLU, max-pool 2; conv 6->16 5x5, ReLU, max-pool 2; dense 400->120,
            ReLU; 120->84, ReLU; 84->10.
  lenet-bn  the same with BatchNorm2d (eps 1e-5, momentum 0.1) between each conv and its ReLU; Adam's
            default rate for it is 0.004, as jdnn's (chosen on a hold-out of the training set).
  cifarnet  the seed's CIFAR-10 model on 1x28x28: conv 1->64 5x5 SAME, ReLU, max-pool 3/2 SAME
            (28 -> 14: TensorFlow pads one row and column after, never before), LRN, conv 64->64 5x5
            SAME, ReLU, LRN, max-pool 2/2 (14 -> 7), dense 3136->256, ReLU, 256->10. The seed's
            tf.nn.lrn(x, 4, bias=1.0, alpha=0.001/9, beta=0.75) is LocalResponseNorm(size=9,
            alpha=0.001, beta=0.75, k=1.0): TensorFlow sums over the radius-4 window and scales
            alpha itself, PyTorch divides its alpha by the window size. The seed weighs L2 only on its
            hidden dense layers (wd * l2_loss(w), l2_loss = sum(w^2)/2, so the gradient gains wd * w):
            weight decay 0.004 on the dense 256's weights, torch.optim's weight_decay for that group.
Softmax cross-entropy; inputs (pixel/255 - 0.2860)/0.3530; He-normal weights, zero biases; shuffled
batches, the last partial batch kept; learning rate constant or half a cosine from --lr towards 0,
lr * (1 + cos(pi * t / T)) / 2, with t and T counted in steps (`cosine`: lower after every batch)
or in epochs (`cosine-epoch`: held within each, lr, 0.75 lr, 0.25 lr over three), as
`jdnn train --schedule` computes it; the default is jdnn's. `--hold-out K` keeps the last K
training images out of training and reports the accuracy on them instead of on the test set.

Timing: before the first epoch a throw-away copy of the model and optimiser trains on 1,024 images
(16 batches of 64), so one-off costs (allocator, BLAS and oneDNN set-up) are not in the epoch
time, and the real training starts from the untouched weights. An epoch's seconds cover the
training steps only (the batches are tensors in memory); evaluation is timed apart, as jdnn
reports it.

Needs Debian's python3-torch. Run with OpenBLAS single-threaded so that its threads stay off
PyTorch's own:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 \\
        pytorch_train.py --model cifarnet --epochs 1 --threads 2
"""
import argparse
import copy
import gzip
import math
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

WARM_UP_IMAGES = 1024
# The same warm-up policy as `jdnn train --warm-up 1024` (TrainCommand.WARM_UP_STEPS/SECONDS): the
# images are passed over until this many steps or seconds have run, then one batch the size of the
# epoch's partial last batch, so that both sides start their timed epoch equally warmed up.
WARM_UP_STEPS = 300
WARM_UP_SECONDS = 10.0


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


def he_init(module):
    for layer in module.modules():
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)


class LeNet5(nn.Module):
    def __init__(self, batch_norm):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.bn1 = nn.BatchNorm2d(6) if batch_norm else nn.Identity()
        self.bn2 = nn.BatchNorm2d(16) if batch_norm else nn.Identity()
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)
        he_init(self)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)

    def decayed_by_the_model(self):
        return {}


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 64, 5, padding=2)
        self.conv2 = nn.Conv2d(64, 64, 5, padding=2)
        self.lrn = nn.LocalResponseNorm(9, alpha=0.001, beta=0.75, k=1.0)
        self.fc1 = nn.Linear(64 * 7 * 7, 256)
        self.fc2 = nn.Linear(256, 10)
        he_init(self)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        # TensorFlow's SAME for a 3x3 window at stride 2 on 28: 14 outputs, the one padded row and
        # column after the image; padded cells never win the maximum
        x = F.max_pool2d(F.pad(x, (0, 1, 0, 1), value=float("-inf")), 3, 2)
        x = self.lrn(x)
        x = self.lrn(F.relu(self.conv2(x)))
        x = F.max_pool2d(x, 2, 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)

    def decayed_by_the_model(self):
        return {self.fc1.weight: 0.004}


MODELS = {"lenet5": lambda: LeNet5(False), "lenet-bn": lambda: LeNet5(True), "cifarnet": CifarNet}
DEFAULT_LR = {"sgd": 0.01, "adagrad": 0.02, "adam": 0.002}
# jdnn's defaults (TrainCommand): the batch-norm model takes Adam at 0.004, chosen on a hold-out of
# the training set (TrainCommand.MODEL_LEARNING_RATES); per-step cosine for every model
MODEL_LR = {("lenet-bn", "adam"): 0.004}
DEFAULT_SCHEDULE = "cosine"


def parameter_groups(model, weight_decay):
    """One weight decay for every parameter when given, else the model's own weighting."""
    if weight_decay is not None:
        return [{"params": list(model.parameters()), "weight_decay": weight_decay}]
    own = model.decayed_by_the_model()
    groups = [{"params": [p for p in model.parameters() if p not in own], "weight_decay": 0.0}]
    for p, decay in own.items():
        groups.append({"params": [p], "weight_decay": decay})
    return groups


def make_optimizer(name, groups, lr, momentum):
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=momentum)
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr)
    return torch.optim.Adam(groups, lr=lr)


def learning_rate(schedule, base_lr, epoch, step, epochs, steps_per_epoch):
    """The rate of step `step` (0-based) of epoch `epoch` (0-based), as jdnn's LearningRateSchedule."""
    if schedule == "constant":
        return base_lr
    if schedule == "cosine-epoch":
        return base_lr * 0.5 * (1 + math.cos(math.pi * epoch / epochs))
    return base_lr * 0.5 * (1 + math.cos(math.pi * (epoch * steps_per_epoch + step) / (epochs * steps_per_epoch)))


def train_steps(model, optimizer, batches, rates=None):
    """Trains on `batches`, step i with learning rate rates[i] (None: the optimiser's as it is)."""
    model.train()
    loss_sum, correct, images = 0.0, 0, 0
    for i, (x, y) in enumerate(batches):
        if rates is not None:
            for group in optimizer.param_groups:
                group["lr"] = rates[i]
        optimizer.zero_grad(set_to_none=True)
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(y)
        correct += (logits.argmax(1) == y).sum().item()
        images += len(y)
    return loss_sum, correct, images


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), default="lenet5")
    parser.add_argument("--optimizer", choices=sorted(DEFAULT_LR), default="adam")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=None,
                        help="default: 0.01 sgd, 0.02 adagrad, 0.002 adam, 0.004 adam on lenet-bn")
    parser.add_argument("--momentum", type=float, default=0.9, help="SGD's momentum")
    parser.add_argument("--weight-decay", type=float, default=None,
                        help="L2 on every parameter (default: the model's own, cifarnet's dense 256 weights 0.004)")
    parser.add_argument("--schedule", choices=["constant", "cosine", "cosine-epoch"], default=DEFAULT_SCHEDULE)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="train on the first K training images only")
    parser.add_argument("--hold-out", type=int, default=None,
                        help="keep the last K training images out of training; report the accuracy on them")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data, "train")
    if args.limit is not None:
        train_x, train_y = train_x[:args.limit], train_y[:args.limit]
    test_x, test_y = load(args.data, "t10k")
    evaluated = "test"
    if args.hold_out is not None:
        if not 0 < args.hold_out < len(train_x):
            parser.error(f"--hold-out: expected a number of images in 1..{len(train_x) - 1}, got {args.hold_out}")
        test_x, test_y = train_x[-args.hold_out:], train_y[-args.hold_out:]
        train_x, train_y = train_x[:-args.hold_out], train_y[:-args.hold_out]
        evaluated = "hold-out"
    model = MODELS[args.model]()
    base_lr = args.lr if args.lr is not None else \
        MODEL_LR.get((args.model, args.optimizer), DEFAULT_LR[args.optimizer])
    optimizer = make_optimizer(args.optimizer, parameter_groups(model, args.weight_decay), base_lr, args.momentum)

    warm_model = copy.deepcopy(model)
    warm_optimizer = make_optimizer(args.optimizer, parameter_groups(warm_model, args.weight_decay), base_lr,
                                    args.momentum)
    warm_batches = [(train_x[i:i + args.batch], train_y[i:i + args.batch])
                    for i in range(0, WARM_UP_IMAGES, args.batch)]
    warm_start = time.perf_counter()
    warm_steps = 0
    while warm_steps < WARM_UP_STEPS and time.perf_counter() - warm_start < WARM_UP_SECONDS:
        train_steps(warm_model, warm_optimizer, warm_batches)
        warm_steps += len(warm_batches)
    last_batch = len(train_x) % args.batch
    if last_batch > 0:
        train_steps(warm_model, warm_optimizer, [(train_x[:last_batch], train_y[:last_batch])])
        warm_steps += 1
    warm_seconds = time.perf_counter() - warm_start
    del warm_model, warm_optimizer

    print(f"PyTorch {torch.__version__}, {args.model}, {torch.get_num_threads()} threads, batch {args.batch}, "
          f"{args.optimizer} lr {base_lr}{'' if args.schedule == 'constant' else ' ' + args.schedule}, "
          f"{sum(p.numel() for p in model.parameters()):,} parameters; "
          f"warm-up on {WARM_UP_IMAGES:,} images ({warm_steps} steps) {warm_seconds:.1f} s (not counted)")
    count = len(train_x)
    steps_per_epoch = (count + args.batch - 1) // args.batch
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(count)
        batches = [(train_x[order[i:i + args.batch]], train_y[order[i:i + args.batch]])
                   for i in range(0, count, args.batch)]
        rates = [learning_rate(args.schedule, base_lr, epoch - 1, step, args.epochs, steps_per_epoch)
                 for step in range(len(batches))]
        start = time.perf_counter()
        loss_sum, correct, _ = train_steps(model, optimizer, batches, rates)
        seconds = time.perf_counter() - start
        model.eval()
        eval_start = time.perf_counter()
        with torch.no_grad():
            test_correct = sum((model(test_x[i:i + 1000]).argmax(1) == test_y[i:i + 1000]).sum().item()
                               for i in range(0, len(test_x), 1000))
        eval_seconds = time.perf_counter() - eval_start
        print(f"epoch {epoch}/{args.epochs}: train loss {loss_sum / count:.3f}, train accuracy "
              f"{100 * correct / count:.2f}%, {evaluated} accuracy {100 * test_correct / len(test_x):.2f}%, "
              f"{seconds:.1f} s ({count / seconds:,.0f} images/s); evaluation {eval_seconds:.1f} s")


if __name__ == "__main__":
    main()
