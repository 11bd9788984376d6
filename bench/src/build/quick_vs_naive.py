"""Every cell of a `./jdnn bench --quick` report slower than naive on the same op and shape.

    python3 bench/src/build/quick_vs_naive.py bench-results/.../report.md

The quick run times naive at 1 thread and the other backends at all processors (separate rows);
per table and shape, naive's time is compared with every other backend's (NCHW and NHWC columns).
Prints how many comparisons were made, then one line per slower cell (#13: no vector cell slower
than naive).
"""
import re
import sys


def rows(report):
    section, header = None, None
    for line in open(report):
        if line.startswith("## "):
            section, header = line[3:].strip(), None
            continue
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in ("shape", "network", "part"):
            header = cells
            continue
        if header is None or set(cells[0]) <= set("-: "):
            continue
        times = {}
        for column, value in zip(header, cells):
            if re.fullmatch(r"\w+( nhwc)? ms", column) and value not in ("–", ""):
                try:
                    times[column[:-3]] = float(value.replace(",", ""))
                except ValueError:
                    pass
        yield section, cells[0], times


def main(report):
    # naive's time is on the 1-thread row, the others' on the all-processors row of the same shape
    merged = {}
    for section, shape, times in rows(report):
        merged.setdefault((section, shape), {}).update(times)
    compared, slower = 0, []
    for (section, shape), times in merged.items():
        naive = times.get("naive")
        if naive is None:
            continue
        for backend, time in times.items():
            if backend == "naive":
                continue
            compared += 1
            if time > naive:
                slower.append(f"{section[:60]} | {shape} | {backend} {time} ms against naive {naive} ms")
    print(f"{compared} comparisons with naive")
    print("\n".join(slower) if slower else "no cell slower than naive")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
