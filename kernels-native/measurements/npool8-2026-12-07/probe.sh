#!/bin/bash
# usage: probe.sh ROUNDS [extra java flags]: npool6's probe runner on this worktree (ROOT= picks another tree)
ROOT=${ROOT:-/work/wt/h-npool8} exec "$(dirname "$0")/../npool6-2026-12-07/probe.sh" "$@"
