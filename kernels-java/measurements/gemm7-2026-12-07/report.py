"""report.py THREADS TAG...: per hold (raw/TAG.log, written by hold.sh) and per build, the median and range
of its JVMs' GemmThroughput medians, that median as % of the hold's FMA peak, and the per-round ratio to
main's JVM of the same round (median, and rounds won); then the ratios over all the holds given."""
import collections
import pathlib
import re
import statistics
import sys

RAW = pathlib.Path(__file__).resolve().parent / 'raw'


def runs(text, threads, tag):
    """{build: {round: GFLOP/s}} and the peak in GFLOP/s (None if its reading is missing)."""
    found = collections.defaultdict(dict)
    peak = None
    for header, body in re.findall(r'^== (.*)\n((?:(?!== ).*\n?)*)', text, re.M):
        if header.startswith(f'peak{threads}-{tag}'):
            flop = re.search(r'fma:flop\s+thrpt\s+\d+\s+([\d.]+)', body)
            peak = float(flop.group(1)) / 1e9 if flop else None
        name = re.fullmatch(rf'gemm{threads}-{tag}-(.+)-r(\d+)', header)
        value = re.search(r'median ([\d.]+) GFLOP/s', body)
        if name and value:
            found[name.group(1)][int(name.group(2))] = float(value.group(1))
    return found, peak


threads, tags = sys.argv[1], sys.argv[2:]
ratios = collections.defaultdict(list)
print('| hold | peak GF/s | build | median (range) GF/s | % of peak | per-round ratio to main, median | rounds won |')
print('|---|---|---|---|---|---|---|')
for tag in tags:
    found, peak = runs((RAW / f'{tag}.log').read_text(), threads, tag)
    main = found['main']
    for build in ['main'] + sorted(b for b in found if b != 'main'):
        values = list(found[build].values())
        median = statistics.median(values)
        share = f'{100 * median / peak:.1f}' if peak else '-'
        if build == 'main':
            print(f'| {tag} | {peak:.1f} | main | {median:.1f} ({min(values):.0f}-{max(values):.0f}) | {share} | - | - |')
            continue
        rounds = [found[build][r] / main[r] for r in found[build] if r in main]
        ratios[build] += rounds
        won = sum(r > 1 for r in rounds)
        print(f'| {tag} | | {build} | {median:.1f} ({min(values):.0f}-{max(values):.0f}) | {share} '
              f'| {statistics.median(rounds):.3f} | {won}/{len(rounds)} |')
for build, rounds in sorted(ratios.items()):
    print(f'\n{build}: all rounds, ratio to main median {statistics.median(rounds):.3f}, '
          f'{sum(r > 1 for r in rounds)}/{len(rounds)} won')
