#!/bin/bash
# usage: npool6-ct.sh VARIANT [flags]: warm-up series + pool2x2 C2 task start/end/nmsize/loop copies
v=$1; shift
rm -f /tmp/npool6-lc2.log
/work/wt/h-npool6/kernels-native/measurements/npool6-2026-12-07/probe.sh 0 -Dorder=$v -Dwarmup=true -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/npool6-lc2.log "$@" | grep WARMUP | cut -c1-80
python3 - <<'PY'
import re
s=open('/tmp/npool6-lc2.log').read()
for m in re.finditer(r"<task compile_id='(\d+)'( compile_kind='osr')? method='dev.jdnn.onednn.VectorNhwcMaxPool (pool2x2\w*) [^']*'[^>]*?stamp='([\d.]+)'>(.*?)</task>", s, re.S):
    body=m.group(5)
    if "level='3'" in m.group(0)[:400] or "level='2'" in m.group(0)[:400]: continue
    d=re.search(r"<task_done success='(\d)' nmsize='(\d+)'[^>]*stamp='([\d.]+)'/>\s*$", body.strip()) or re.findall(r"<task_done[^>]*>", body)[-1:]
    lt=body.split('<loop_tree>')[-1] if '<loop_tree>' in body else ''
    inner=lt.count("inner_loop='1'")
    print(m.group(3), 'osr' if m.group(2) else 'std', 'queued/start', m.group(4), 'done', d.group(3) if hasattr(d,'group') else d, 'nmsize', d.group(2) if hasattr(d,'group') else '', 'inner loops in last tree', inner)
PY
