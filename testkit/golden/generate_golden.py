#!/usr/bin/python3
"""Generates jdnn's golden data: small cases computed by PyTorch, the outside reference.

Regenerate (from the repository root, with Debian's python3-torch installed; use the system
interpreter, which is the one that has torch):

    /usr/bin/python3 testkit/golden/generate_golden.py

It rewrites the JSON files in testkit/src/main/resources/dev/jdnn/testkit/golden/, read by
dev.jdnn.testkit.GoldenData (whose javadoc describes the format). The output is deterministic:
the same torch version writes the same bytes.

Every input is drawn as float32 (the values a jdnn tensor holds) and every expected output is
computed by PyTorch in float64 from those inputs, so the reference error is negligible next to
float32 rounding. Gradients come from autograd (softmax and log-softmax backward from PyTorch's
own backward kernels, given the float32 forward output a backend would receive).

Outputs of linear ops (conv, pooling, dense) also carry, per element, the magnitude
sum(|terms|) -- the same op run on the absolute values of its inputs -- and the reduction length
K; the Java side turns these into the tolerance (K + 2) * 2^-24 * magnitude (see ErrorBound).

PyTorch pads symmetrically; asymmetric convolution padding is applied with F.pad before a conv
without padding, which is exactly jdnn's semantics. Pooling cases within PyTorch's own limit use
its symmetric padding. jdnn also accepts any padding below the kernel on each side (asymmetric,
and more than half the kernel, which PyTorch refuses: "pad should be at most half of kernel
size"); those cases (wide_pool_case) pad explicitly with F.pad and pool without padding:
-inf cells for max pooling, so padding never wins; zeros for average pooling, whose divisor is
then PyTorch's own count of cells inside the padded input (countIncludePad), or, without
countIncludePad, the count of real cells, the same pooling run with divisor 1 over a padded
tensor of ones. In ceil mode PyTorch lets the last window start anywhere inside the explicitly
padded input, while jdnn (like PyTorch's implicit padding) lets it not start inside the
bottom/right padding; the output is cropped to jdnn's size, the windows before are the same.
Those cases draw from their own random stream, so adding them left every older case unchanged.

NHWC cases (conv2d_nhwc.json, pool2d_nhwc.json; their own random stream) repeat configurations of
conv2d.json and pool2d.json with PyTorch's channels_last tensors; their op carries "layout": "NHWC"
and the data of every activation (x, y, dx, dy and their magnitudes) is in NHWC memory order, as a
jdnn NHWC tensor holds it; weights stay [k, c/g, r, s] row-major. Batch-norm cases (batch_norm.json)
are F.batch_norm with batch statistics (training: y, the mean, the biased variance and the gradients
of <y, dy>; a mean of 1000 with a spread of 2 among them) or with given float32 statistics
(inference). LRN cases (lrn.json) are F.local_response_norm, and tf.nn.lrn written out from
TensorFlow's definition (asserted equal to PyTorch's op with size 2r+1 and alpha scaled by the
size, the contract's Lrn.tensorflow), with odd and even sizes and a window wider than the channels.
These have no magnitude: their Java bounds are derived from the inputs (BatchNormBound, LrnBound).
Each family draws from its own stream, so every older file is byte-identical.

Optimiser cases (optimizer.json, their own random stream too) run one torch.optim step (SGD with
momentum and weight decay, Adagrad, Adam) in float64 from float32 weights, gradient and a given
optimiser state; their hyperparameters are float32 values, as jdnn's float arguments hold them.
"""

import json
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "src", "main", "resources", "dev", "jdnn", "testkit", "golden")

rng = np.random.RandomState(20261126)


# The wide-padding pooling cases, added later, draw from a stream of their own.
wide_rng = np.random.RandomState(20261205)


def uniform(*shape, low=-1.0, high=1.0, generator=None):
    """float32 values, returned as a float64 tensor holding exactly those values."""
    g = rng if generator is None else generator
    return torch.from_numpy(g.uniform(low, high, size=shape).astype(np.float32)).double()


def float32_text(value):
    """Shortest decimal that reads back (through a double, as Java reads it) as the same float32."""
    f = np.float32(value)
    text = np.format_float_positional(f, unique=True, trim="-") if f != 0 else "0"
    if np.float32(float(text)) != f:
        text = repr(float(f))
    return text


def channels(t, layout):
    """t in PyTorch's memory format for jdnn's layout: channels_last is NHWC."""
    return t.contiguous(memory_format=torch.channels_last) if layout == "NHWC" else t


def memory_order(t, layout):
    """The values of t in the order a jdnn tensor of that layout holds them: NHWC permutes a rank-4 tensor."""
    t = t.detach()
    if layout == "NHWC" and t.dim() == 4:
        t = t.permute(0, 2, 3, 1)
    return t.reshape(-1)


def tensor_json(t, as_float32, magnitude=None, terms=None, layout="NCHW"):
    flat = memory_order(t, layout).tolist()
    if as_float32:
        data = [float32_text(v) for v in flat]
    else:
        data = ["%.12g" % v for v in flat]
    entry = {"shape": list(t.shape), "data": data}
    if magnitude is not None:
        entry["magnitude"] = ["%.4g" % v for v in memory_order(magnitude, layout).tolist()]
        entry["terms"] = int(terms)
    return entry


def case(name, op, inputs, expected, layout="NCHW", labels=None):
    """inputs: name -> float32-valued tensor; expected: name -> tensor or (tensor, magnitude, terms).
    Activations (rank 4) are written in the memory order of layout; weights stay row-major."""
    c = {"name": name, "op": op}
    if labels is not None:
        c["labels"] = [int(v) for v in labels.tolist()]
    c["inputs"] = {k: tensor_json(v, True, layout=layout_of(k, layout)) for k, v in inputs.items()}
    c["expected"] = {}
    for k, v in expected.items():
        if isinstance(v, tuple):
            c["expected"][k] = tensor_json(v[0], False, v[1], v[2], layout=layout_of(k, layout))
        else:
            c["expected"][k] = tensor_json(v, False, layout=layout_of(k, layout))
    return c


def layout_of(argument, layout):
    """Weights (w, dw) stay row-major in every layout; activations (x, y, dx, dy) take the case's."""
    return "NCHW" if argument in ("w", "dw") else layout


def grads(f, inputs, dy):
    """Output of f(*inputs) and the gradients of <f(*inputs), dy> with respect to each input."""
    leaves = [t.clone().requires_grad_(True) for t in inputs]
    y = f(*leaves)
    y.backward(dy)
    return y.detach(), [t.grad.detach() for t in leaves]


# ---- convolution ---------------------------------------------------------------------------

def conv_case(name, n, c, h, w, k, kernel, stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1), groups=1,
              bias=True, generator=None, layout="NCHW"):
    top, left, bottom, right = padding
    x = channels(uniform(n, c, h, w, generator=generator), layout)
    wt = uniform(k, c // groups, kernel[0], kernel[1], generator=generator)
    b = uniform(k, generator=generator) if bias else None

    def conv(xx, ww, bb):
        return F.conv2d(F.pad(xx, (left, right, top, bottom)), ww, bb, stride, 0, dilation, groups)

    y = conv(x, wt, b)
    dy = channels(uniform(*y.shape, generator=generator), layout)
    args = [x, wt] + ([b] if bias else [])
    _, g = grads(lambda *a: conv(a[0], a[1], a[2] if bias else None), args, dy)
    y_mag = conv(x.abs(), wt.abs(), b.abs() if bias else None)
    _, (dx_mag,) = grads(lambda xx: conv(xx, wt.abs(), None), [x], dy.abs())
    _, (dw_mag,) = grads(lambda ww: conv(x.abs(), ww, None), [wt], dy.abs())
    per_output = (c // groups) * kernel[0] * kernel[1]
    per_input = (k // groups) * kernel[0] * kernel[1]
    per_weight = n * y.shape[2] * y.shape[3]
    op = {"inChannels": c, "outChannels": k, "kernel": list(kernel), "stride": list(stride),
          "padding": list(padding), "dilation": list(dilation), "groups": groups, "bias": bias}
    if layout != "NCHW":
        op["layout"] = layout
    inputs = {"x": x, "w": wt, "dy": dy}
    expected = {"y": (y, y_mag, per_output + 1), "dx": (g[0], dx_mag, per_input),
                "dw": (g[1], dw_mag, per_weight)}
    if bias:
        inputs["b"] = b
        expected["db"] = (g[2], dy.abs().sum(dim=(0, 2, 3)), per_weight)
    return case(name, op, inputs, expected, layout)


def conv_cases():
    return [
        conv_case("3x3, stride 1, padding 1, bias", 2, 3, 5, 6, 4, (3, 3), padding=(1, 1, 1, 1)),
        conv_case("stride 2, asymmetric padding t0 l1 b2 r1", 1, 2, 7, 6, 3, (3, 2), stride=(2, 2),
                  padding=(0, 1, 2, 1)),
        conv_case("dilation 2x3, stride 1x2, asymmetric padding", 1, 2, 9, 10, 2, (3, 2), stride=(1, 2),
                  padding=(1, 2, 0, 1), dilation=(2, 3)),
        conv_case("2 groups, padding 1", 2, 4, 6, 5, 6, (3, 3), padding=(1, 1, 1, 1), groups=2),
        conv_case("depthwise 3x3, stride 2, padding 1", 1, 5, 7, 7, 5, (3, 3), stride=(2, 2),
                  padding=(1, 1, 1, 1), groups=5),
        conv_case("depthwise with multiplier 2, stride 2, no bias", 1, 3, 6, 6, 6, (2, 2), stride=(2, 2), groups=3,
                  bias=False),
        conv_case("1x1 pointwise, no bias", 2, 5, 3, 4, 3, (1, 1), bias=False),
        conv_case("kernel as large as the padded input", 1, 2, 4, 5, 3, (5, 6), padding=(0, 1, 1, 0)),
        conv_case("stride 3x2, dilation 2, 3 groups, asymmetric padding", 2, 6, 11, 9, 3, (3, 3), stride=(3, 2),
                  padding=(2, 0, 1, 1), dilation=(2, 2), groups=3),
        conv_case("stride larger than the kernel skips cells", 1, 2, 7, 7, 2, (2, 1), stride=(3, 3)),
    ]


# ---- pooling -------------------------------------------------------------------------------

def pool_case(name, kind, n, c, h, w, kernel, stride, padding=(0, 0), ceil_mode=False, count_include_pad=True,
              ties=False, generator=None, layout="NCHW"):
    g = rng if generator is None else generator
    if ties:
        x = torch.from_numpy(g.randint(-2, 3, size=(n, c, h, w)).astype(np.float32)).double()
    else:
        x = uniform(n, c, h, w, generator=generator)
    x = channels(x, layout)

    def pool(xx):
        if kind == "MAX":
            return F.max_pool2d(xx, kernel, stride, padding, ceil_mode=ceil_mode)
        return F.avg_pool2d(xx, kernel, stride, padding, ceil_mode=ceil_mode, count_include_pad=count_include_pad)

    y = pool(x)
    dy = channels(uniform(*y.shape, generator=generator), layout)
    _, (dx,) = grads(pool, [x], dy)
    _, (dx_mag,) = grads(pool, [x], dy.abs())
    windows = -(-kernel[0] // stride[0]) * -(-kernel[1] // stride[1])
    if kind == "MAX":
        y_entry = (y, y.abs(), 0)
        dx_entry = (dx, dx_mag, windows)
    else:
        y_entry = (y, pool(x.abs()), kernel[0] * kernel[1] + 1)
        dx_entry = (dx, dx_mag, windows + 1)
    op = {"kind": kind, "kernel": list(kernel), "stride": list(stride),
          "padding": [padding[0], padding[1], padding[0], padding[1]], "countIncludePad": count_include_pad,
          "ceilMode": ceil_mode}
    if layout != "NCHW":
        op["layout"] = layout
    return case(name, op, {"x": x, "dy": dy}, {"y": y_entry, "dx": dx_entry}, layout)


def pool_cases():
    return [
        pool_case("max 2x2, stride 2", "MAX", 1, 2, 6, 6, (2, 2), (2, 2)),
        pool_case("max 3x3, stride 2, padding 1", "MAX", 2, 2, 7, 8, (3, 3), (2, 2), (1, 1)),
        pool_case("max 3x2, stride 1x2, padding 1, ceil mode", "MAX", 1, 3, 7, 6, (3, 2), (1, 2), (1, 1),
                  ceil_mode=True),
        pool_case("max 4x4, stride 3, padding 2, ceil mode", "MAX", 1, 2, 9, 10, (4, 4), (3, 3), (2, 2),
                  ceil_mode=True),
        pool_case("max 3x3, stride 1, ties go to the first maximum", "MAX", 1, 2, 5, 6, (3, 3), (1, 1), ties=True),
        pool_case("avg 2x2, stride 2", "AVG", 1, 2, 4, 6, (2, 2), (2, 2)),
        pool_case("avg 3x3, stride 2, padding 1, padding counted", "AVG", 1, 2, 7, 7, (3, 3), (2, 2), (1, 1)),
        pool_case("avg 3x3, stride 2, padding 1, padding excluded", "AVG", 1, 2, 7, 7, (3, 3), (2, 2), (1, 1),
                  count_include_pad=False),
        pool_case("avg ceil mode, window past the padding, padding counted", "AVG", 1, 2, 6, 6, (3, 3), (2, 2),
                  (1, 1), ceil_mode=True),
        pool_case("avg ceil mode, padding excluded", "AVG", 2, 1, 5, 7, (2, 2), (2, 2), (1, 1), ceil_mode=True,
                  count_include_pad=False),
        pool_case("avg 4x3, stride 3x1, padding 2x1, ceil mode, padding counted", "AVG", 1, 2, 8, 6, (4, 3),
                  (3, 1), (2, 1), ceil_mode=True),
    ]


def jdnn_pool_size(size, kernel, stride, before, after, ceil_mode):
    """Output size along one axis as jdnn's Pool2d.outputShape computes it."""
    span = size + before + after - kernel
    out = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + before:
        out -= 1
    return out


def wide_pool_case(name, kind, n, c, h, w, kernel, stride, padding, ceil_mode=False, count_include_pad=True,
                   ties=False):
    """Pooling with padding (top, left, bottom, right), each below the kernel, applied with F.pad."""
    top, left, bottom, right = padding
    if ties:
        x = torch.from_numpy(wide_rng.randint(-2, 3, size=(n, c, h, w)).astype(np.float32)).double()
    else:
        x = uniform(n, c, h, w, generator=wide_rng)
    oh = jdnn_pool_size(h, kernel[0], stride[0], top, bottom, ceil_mode)
    ow = jdnn_pool_size(w, kernel[1], stride[1], left, right, ceil_mode)
    pads = (left, right, top, bottom)

    def pool(xx):
        if kind == "MAX":
            y = F.max_pool2d(F.pad(xx, pads, value=float("-inf")), kernel, stride, 0, ceil_mode=ceil_mode)
        elif count_include_pad:
            y = F.avg_pool2d(F.pad(xx, pads), kernel, stride, 0, ceil_mode=ceil_mode, count_include_pad=True)
        else:
            total = F.avg_pool2d(F.pad(xx, pads), kernel, stride, 0, ceil_mode=ceil_mode, divisor_override=1)
            real = F.avg_pool2d(F.pad(torch.ones_like(xx), pads), kernel, stride, 0, ceil_mode=ceil_mode,
                                divisor_override=1)
            y = total / real
        return y[:, :, :oh, :ow]

    y = pool(x)
    dy = uniform(*y.shape, generator=wide_rng)
    _, (dx,) = grads(pool, [x], dy)
    _, (dx_mag,) = grads(pool, [x], dy.abs())
    windows = -(-kernel[0] // stride[0]) * -(-kernel[1] // stride[1])
    if kind == "MAX":
        y_entry = (y, y.abs(), 0)
        dx_entry = (dx, dx_mag, windows)
    else:
        y_entry = (y, pool(x.abs()), kernel[0] * kernel[1] + 1)
        dx_entry = (dx, dx_mag, windows + 1)
    op = {"kind": kind, "kernel": list(kernel), "stride": list(stride), "padding": list(padding),
          "countIncludePad": count_include_pad, "ceilMode": ceil_mode}
    return case(name, op, {"x": x, "dy": dy}, {"y": y_entry, "dx": dx_entry})


def wide_pool_cases():
    """Padding over half the kernel (jdnn issue #12 item 8): legal in jdnn, refused by PyTorch's pooling."""
    return [
        wide_pool_case("avg 3x3, padding t1 l0 b2 r1, padding counted", "AVG", 1, 2, 4, 5, (3, 3), (1, 1),
                       (1, 0, 2, 1)),
        wide_pool_case("avg 3x3, padding t1 l0 b2 r1, padding excluded", "AVG", 2, 1, 4, 5, (3, 3), (1, 1),
                       (1, 0, 2, 1), count_include_pad=False),
        wide_pool_case("max 3x3, padding t1 l0 b2 r1", "MAX", 1, 2, 4, 5, (3, 3), (1, 1), (1, 0, 2, 1)),
        wide_pool_case("avg 3x3, stride 2, padding 2, ceil mode, padding counted", "AVG", 1, 2, 5, 6, (3, 3),
                       (2, 2), (2, 2, 2, 2), ceil_mode=True),
        wide_pool_case("avg 4x3, stride 3x2, padding t3 l2 b1 r2, ceil mode, padding excluded", "AVG", 1, 2, 7, 6,
                       (4, 3), (3, 2), (3, 2, 1, 2), ceil_mode=True, count_include_pad=False),
        wide_pool_case("max 3x3, stride 2, padding t2 l1 b2 r2, ceil mode, ties", "MAX", 2, 1, 6, 5, (3, 3), (2, 2),
                       (2, 1, 2, 2), ceil_mode=True, ties=True),
    ]


# ---- dense ---------------------------------------------------------------------------------

def dense_case(name, batch, inputs, outputs, bias=True):
    x = uniform(batch, inputs)
    w = uniform(outputs, inputs)
    b = uniform(outputs) if bias else None
    y = F.linear(x, w, b)
    dy = uniform(batch, outputs)
    args = [x, w] + ([b] if bias else [])
    _, g = grads(lambda *a: F.linear(a[0], a[1], a[2] if bias else None), args, dy)
    _, (dx_mag,) = grads(lambda xx: F.linear(xx, w.abs()), [x], dy.abs())
    _, (dw_mag,) = grads(lambda ww: F.linear(x.abs(), ww), [w], dy.abs())
    op = {"inFeatures": inputs, "outFeatures": outputs, "bias": bias}
    tensors = {"x": x, "w": w, "dy": dy}
    expected = {"y": (y, F.linear(x.abs(), w.abs(), b.abs() if bias else None), inputs + 1),
                "dx": (g[0], dx_mag, outputs), "dw": (g[1], dw_mag, batch)}
    if bias:
        tensors["b"] = b
        expected["db"] = (g[2], dy.abs().sum(dim=0), batch)
    return case(name, op, tensors, expected)


def dense_cases():
    return [
        dense_case("5 -> 3, batch 2, bias", 2, 5, 3),
        dense_case("17 -> 10, batch 1, no bias", 1, 17, 10, bias=False),
        dense_case("33 -> 15, batch 4, bias", 4, 33, 15),
        dense_case("1 -> 1, batch 3, bias", 3, 1, 1),
    ]


# ---- activations, softmax, cross-entropy -----------------------------------------------------

def activation_cases():
    cases = []
    functions = {"RELU": torch.relu, "SIGMOID": torch.sigmoid, "TANH": torch.tanh}
    for name, f in functions.items():
        for shape in [(3, 17), (2, 1, 2, 3)]:
            x = uniform(*shape, low=-6.0, high=6.0).reshape(-1)
            x[0::7] = 0.0
            x[3::11] = 30.0
            x[5::11] = -30.0
            x[1::13] = 1e-4
            x = x.reshape(shape)
            dy = uniform(*shape)
            y, (dx,) = grads(f, [x], dy)
            cases.append(case("%s over %s, with zeros and saturation" % (name.lower(), list(shape)),
                              {"activation": name}, {"x": x, "dy": dy}, {"y": y, "dx": dx}))
    return cases


def softmax_cases():
    cases = []
    for kind, forward, backward in [("SOFTMAX", torch.softmax, torch._softmax_backward_data),
                                    ("LOG_SOFTMAX", torch.log_softmax, torch._log_softmax_backward_data)]:
        for shape, offset, spread in [((3, 10), 0.0, 3.0), ((2, 3, 7), 0.0, 3.0), ((1, 1), 0.0, 1.0),
                                      ((2, 5), 500.0, 30.0)]:
            logits = uniform(*shape, low=offset - spread, high=offset + spread)
            output = forward(logits, -1)
            output32 = output.float().double()
            dy = uniform(*shape)
            d_logits = backward(dy, output32, -1, torch.float64)
            cases.append(case("%s over %s, logits %g +- %g" % (kind.lower(), list(shape), offset, spread),
                              {"kind": kind}, {"logits": logits, "output": output32, "dy": dy},
                              {"output": output, "dLogits": d_logits}))
    return cases


def cross_entropy_cases():
    cases = []
    for batch, classes, offset, spread in [(4, 10, 0.0, 3.0), (1, 3, 0.0, 1.0), (8, 33, 0.0, 4.0),
                                           (3, 7, 300.0, 40.0)]:
        logits = uniform(batch, classes, low=offset - spread, high=offset + spread)
        labels = torch.from_numpy(rng.randint(0, classes, size=batch))
        leaf = logits.clone().requires_grad_(True)
        loss = F.cross_entropy(leaf, labels)
        loss.backward()
        cases.append(case("batch %d, %d classes, logits %g +- %g" % (batch, classes, offset, spread), {},
                          {"logits": logits}, {"loss": loss.detach().reshape(1), "dLogits": leaf.grad},
                          labels=labels))
    return cases


# ---- optimiser steps -------------------------------------------------------------------------

# The optimiser cases, added later, draw from a stream of their own.
optimizer_rng = np.random.RandomState(20261206)


def f32(value):
    """The float32 nearest value, as a Python float: the hyperparameter a jdnn float argument holds."""
    return float(np.float32(value))


def optimizer_case(name, kind, length, hyper, step=1):
    """One torch.optim step in float64 from float32 weights, gradient and state."""
    w = uniform(length, generator=optimizer_rng)
    g = uniform(length, generator=optimizer_rng)
    param = torch.nn.Parameter(w.clone())
    param.grad = g.clone()
    hyper = {k: f32(v) for k, v in hyper.items()}
    inputs = {"w": w, "g": g}
    if kind == "SGD":
        velocity = uniform(length, low=-0.5, high=0.5, generator=optimizer_rng)
        inputs["velocity"] = velocity
        opt = torch.optim.SGD([param], lr=hyper["lr"], momentum=hyper["momentum"], weight_decay=hyper["weightDecay"])
        opt.state[param]["momentum_buffer"] = velocity.clone()
        opt.step()
        expected = {"w": param.detach(), "velocity": opt.state[param]["momentum_buffer"]}
    elif kind == "ADAGRAD":
        sum_squares = uniform(length, low=0.0, high=0.5, generator=optimizer_rng)
        inputs["sumSquares"] = sum_squares
        opt = torch.optim.Adagrad([param], lr=hyper["lr"], weight_decay=hyper["weightDecay"], eps=hyper["eps"])
        opt.state[param]["sum"].copy_(sum_squares)
        opt.step()
        expected = {"w": param.detach(), "sumSquares": opt.state[param]["sum"]}
    else:
        m = uniform(length, low=-0.1, high=0.1, generator=optimizer_rng)
        v = uniform(length, low=0.0, high=0.01, generator=optimizer_rng)
        inputs["m"] = m
        inputs["v"] = v
        opt = torch.optim.Adam([param], lr=hyper["lr"], betas=(hyper["beta1"], hyper["beta2"]), eps=hyper["eps"],
                               weight_decay=hyper["weightDecay"])
        opt.state[param] = {"step": torch.tensor(float(step - 1)), "exp_avg": m.clone(), "exp_avg_sq": v.clone()}
        opt.step()
        expected = {"w": param.detach(), "m": opt.state[param]["exp_avg"], "v": opt.state[param]["exp_avg_sq"]}
    op = dict(hyper)
    op["optimizer"] = kind
    op["step"] = step
    return case(name, op, inputs, expected)


def optimizer_cases():
    return [
        optimizer_case("sgd, momentum 0.9, weight decay 1e-3, 17 weights", "SGD", 17,
                       {"lr": 0.05, "momentum": 0.9, "weightDecay": 1e-3}),
        optimizer_case("sgd, momentum 0.5, no weight decay, 1 weight", "SGD", 1,
                       {"lr": 0.1, "momentum": 0.5, "weightDecay": 0.0}),
        optimizer_case("adagrad, weight decay 1e-4, 33 weights", "ADAGRAD", 33,
                       {"lr": 0.01, "weightDecay": 1e-4, "eps": 1e-10}),
        optimizer_case("adam step 1, weight decay 5e-4, 15 weights", "ADAM", 15,
                       {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 5e-4}, step=1),
        optimizer_case("adam step 7, no weight decay, 17 weights", "ADAM", 17,
                       {"lr": 1e-2, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weightDecay": 0.0}, step=7),
    ]


# ---- NHWC (channels_last) ------------------------------------------------------------------

# The NHWC cases, added later, draw from a stream of their own.
nhwc_rng = np.random.RandomState(20261207)


def conv_nhwc_cases():
    """Configurations of conv_cases() again, computed by PyTorch on channels_last tensors."""
    def nhwc(name, *args, **kwargs):
        return conv_case(name + ", NHWC", *args, generator=nhwc_rng, layout="NHWC", **kwargs)
    return [
        nhwc("3x3, stride 1, padding 1, bias", 2, 3, 5, 6, 4, (3, 3), padding=(1, 1, 1, 1)),
        nhwc("depthwise 3x3, stride 2, padding 1", 1, 5, 7, 7, 5, (3, 3), stride=(2, 2), padding=(1, 1, 1, 1),
             groups=5),
        nhwc("1x1 pointwise, no bias", 2, 5, 3, 4, 3, (1, 1), bias=False),
        nhwc("stride 3x2, dilation 2, 3 groups, asymmetric padding", 2, 6, 11, 9, 3, (3, 3), stride=(3, 2),
             padding=(2, 0, 1, 1), dilation=(2, 2), groups=3),
    ]


def pool_nhwc_cases():
    """Configurations of pool_cases() again, computed by PyTorch on channels_last tensors."""
    def nhwc(name, *args, **kwargs):
        return pool_case(name + ", NHWC", *args, generator=nhwc_rng, layout="NHWC", **kwargs)
    return [
        nhwc("max 3x3, stride 2, padding 1", "MAX", 2, 3, 7, 8, (3, 3), (2, 2), (1, 1)),
        nhwc("max 3x3, stride 1, ties go to the first maximum", "MAX", 1, 3, 5, 6, (3, 3), (1, 1), ties=True),
        nhwc("avg 3x3, stride 2, padding 1, padding excluded", "AVG", 1, 3, 7, 7, (3, 3), (2, 2), (1, 1),
             count_include_pad=False),
        nhwc("avg ceil mode, window past the padding, padding counted", "AVG", 1, 2, 6, 6, (3, 3), (2, 2), (1, 1),
             ceil_mode=True),
    ]


# ---- batch normalisation --------------------------------------------------------------------

# The batch-norm cases, added later, draw from a stream of their own.
bn_rng = np.random.RandomState(20261208)


def batch_norm_training_case(name, n, c, h, w, epsilon=1e-5, mean=0.0, spread=1.0):
    """F.batch_norm with batch statistics: y, the mean and the biased variance it normalised with, and
    the training-mode gradients of <y, dy> with respect to x, gamma and beta."""
    x = uniform(n, c, h, w, low=mean - spread, high=mean + spread, generator=bn_rng)
    gamma = uniform(c, low=0.5, high=2.0, generator=bn_rng)
    beta = uniform(c, generator=bn_rng)
    dy = uniform(n, c, h, w, generator=bn_rng)
    y, (dx, d_gamma, d_beta) = grads(
        lambda xx, gg, bb: F.batch_norm(xx, None, None, gg, bb, training=True, eps=epsilon), [x, gamma, beta], dy)
    op = {"channels": c, "epsilon": epsilon, "mode": "TRAINING"}
    expected = {"y": y, "mean": x.mean(dim=(0, 2, 3)), "variance": x.var(dim=(0, 2, 3), unbiased=False),
                "dx": dx, "dGamma": d_gamma, "dBeta": d_beta}
    return case(name, op, {"x": x, "gamma": gamma, "beta": beta, "dy": dy}, expected)


def batch_norm_inference_case(name, n, c, h, w, epsilon=1e-5, mean=0.0, spread=1.0):
    """F.batch_norm with given (running) statistics, float32 like every jdnn input."""
    x = uniform(n, c, h, w, low=mean - spread, high=mean + spread, generator=bn_rng)
    gamma = uniform(c, low=0.5, high=2.0, generator=bn_rng)
    beta = uniform(c, generator=bn_rng)
    running_mean = uniform(c, low=mean - spread / 4, high=mean + spread / 4, generator=bn_rng)
    running_variance = uniform(c, low=0.25 * spread * spread, high=spread * spread, generator=bn_rng)
    y = F.batch_norm(x, running_mean, running_variance, gamma, beta, training=False, eps=epsilon)
    op = {"channels": c, "epsilon": epsilon, "mode": "INFERENCE"}
    inputs = {"x": x, "gamma": gamma, "beta": beta, "mean": running_mean, "variance": running_variance}
    return case(name, op, inputs, {"y": y})


def batch_norm_cases():
    return [
        batch_norm_training_case("training, [2, 3, 4, 5]", 2, 3, 4, 5),
        batch_norm_training_case("training, batch 1, odd sizes, epsilon 1e-3", 1, 7, 3, 5, epsilon=1e-3),
        batch_norm_training_case("training, h = w = 1", 6, 4, 1, 1),
        batch_norm_training_case("training, mean 1000, spread 2", 4, 3, 6, 7, mean=1000.0, spread=2.0),
        batch_norm_inference_case("inference, [2, 3, 4, 5]", 2, 3, 4, 5),
        batch_norm_inference_case("inference, mean 1000, spread 2", 3, 2, 5, 3, mean=1000.0, spread=2.0),
    ]


# ---- local response normalisation -------------------------------------------------------------

# The LRN cases, added later, draw from a stream of their own.
lrn_rng = np.random.RandomState(20261209)


def lrn_case(name, n, c, h, w, op, reference):
    """y = reference(x) and the gradient of <y, dy> with respect to x."""
    x = uniform(n, c, h, w, low=-2.0, high=2.0, generator=lrn_rng)
    dy = uniform(n, c, h, w, generator=lrn_rng)
    y, (dx,) = grads(reference, [x], dy)
    return case(name, op, {"x": x, "dy": dy}, {"y": y, "dx": dx})


def torch_lrn_case(name, n, c, h, w, size, alpha, beta, k):
    op = {"parametrisation": "PYTORCH", "size": size, "alpha": alpha, "beta": beta, "k": k}
    return lrn_case(name, n, c, h, w, op, lambda xx: F.local_response_norm(xx, size, alpha, beta, k))


def tensorflow_lrn(x, depth_radius, bias, alpha, beta):
    """tf.nn.lrn written out: sqr_sum[c] = sum of x[c']^2 over c' in [c - r, c + r];
    y = x / (bias + alpha * sqr_sum)^beta."""
    squares = F.pad(x * x, (0, 0, 0, 0, depth_radius, depth_radius))
    window = sum(squares[:, i:i + x.shape[1]] for i in range(2 * depth_radius + 1))
    return x / (bias + alpha * window) ** beta


def tensorflow_lrn_case(name, n, c, h, w, depth_radius, bias, alpha, beta):
    op = {"parametrisation": "TENSORFLOW", "depthRadius": depth_radius, "bias": bias, "alpha": alpha, "beta": beta}
    size = 2 * depth_radius + 1
    probe = uniform(n, c, h, w, generator=np.random.RandomState(1))
    # The contract's Lrn.tensorflow: the same op as PyTorch's with size 2r + 1 and alpha scaled by the size.
    assert torch.allclose(tensorflow_lrn(probe, depth_radius, bias, alpha, beta),
                          F.local_response_norm(probe, size, alpha * size, beta, bias), rtol=1e-12, atol=0)
    return lrn_case(name, n, c, h, w, op, lambda xx: tensorflow_lrn(xx, depth_radius, bias, alpha, beta))


def lrn_cases():
    return [
        torch_lrn_case("size 5 (AlexNet), alpha 1e-4, beta 0.75, k 2", 2, 7, 3, 4, 5, 1e-4, 0.75, 2.0),
        torch_lrn_case("size 5, alpha 2, beta 0.75, k 1", 1, 8, 2, 3, 5, 2.0, 0.75, 1.0),
        torch_lrn_case("even size 4, alpha 0.5, beta 0.75, k 2", 1, 6, 3, 3, 4, 0.5, 0.75, 2.0),
        torch_lrn_case("even size 2, alpha 3, beta 0.3, k 1", 2, 3, 2, 2, 2, 3.0, 0.3, 1.0),
        torch_lrn_case("size 9 wider than 4 channels", 1, 4, 3, 2, 9, 1.5, 0.75, 1.0),
        torch_lrn_case("size 1, beta 1, k 0.5", 1, 3, 2, 2, 1, 2.0, 1.0, 0.5),
        tensorflow_lrn_case("tf.nn.lrn as the seed's CIFAR model: radius 4, bias 1, alpha 0.001/9, beta 0.75", 2, 16,
                            3, 3, 4, 1.0, 0.001 / 9.0, 0.75),
        tensorflow_lrn_case("tf.nn.lrn radius 2 over 3 channels, bias 2, alpha 0.5, beta 0.5", 1, 3, 4, 2, 2, 2.0,
                            0.5, 0.5),
    ]


def unquote_numbers(document):
    """JSON text in which the formatted numbers are numbers, one case per line for readable diffs."""
    lines = ['{"generator":%s,"torch":%s,"cases":[' % (json.dumps(document["generator"]),
                                                        json.dumps(document["torch"]))]
    cases = document["cases"]
    for i, c in enumerate(cases):
        lines.append(numbers_unquoted(c) + ("," if i + 1 < len(cases) else ""))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def numbers_unquoted(value):
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if k in ("data", "magnitude"):
                parts.append("%s:[%s]" % (json.dumps(k), ",".join(v)))
            else:
                parts.append("%s:%s" % (json.dumps(k), numbers_unquoted(v)))
        return "{" + ",".join(parts) + "}"
    return json.dumps(value, separators=(",", ":"))


def main():
    torch.set_default_dtype(torch.float64)
    os.makedirs(OUT_DIR, exist_ok=True)
    for file_name, make in [("conv2d.json", conv_cases), ("pool2d.json", lambda: pool_cases() + wide_pool_cases()), ("dense.json", dense_cases),
                            ("activation.json", activation_cases), ("softmax.json", softmax_cases),
                            ("cross_entropy.json", cross_entropy_cases), ("optimizer.json", optimizer_cases),
                            ("conv2d_nhwc.json", conv_nhwc_cases), ("pool2d_nhwc.json", pool_nhwc_cases),
                            ("batch_norm.json", batch_norm_cases), ("lrn.json", lrn_cases)]:
        cases = make()
        path = os.path.join(OUT_DIR, file_name)
        with open(path, "w") as f:
            f.write(unquote_numbers({"generator": "testkit/golden/generate_golden.py", "torch": torch.__version__,
                                     "cases": cases}))
        print("%-20s %3d cases %8d bytes" % (file_name, len(cases), os.path.getsize(path)))


if __name__ == "__main__":
    main()
