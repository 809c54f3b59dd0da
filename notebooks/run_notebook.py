#!/usr/bin/python3
"""Runs a notebook headless and keeps what it produced.

    /usr/bin/python3 notebooks/run_notebook.py NOTEBOOK OUTDIR [--timeout SECONDS]

Executes every cell with nbclient (kernel python3), against the server named by the environment variable
FKG_ENDPOINT (the notebook's default: http://localhost:3030). Writes the executed notebook to OUTDIR and every
figure (image/png output) as OUTDIR/<tag>.png, named by the cell's first tag, else figure-<n>.png. Prints the
execution time. Exits 1 if any cell fails (the partly executed notebook is still written, to read the error).
"""
import argparse
import base64
import os
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main():
    parser = argparse.ArgumentParser(description="Run a Jupyter notebook headless; keep the executed notebook and its figures.")
    parser.add_argument("notebook", type=pathlib.Path)
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = parser.parse_args()

    # the kernel's debugger otherwise warns about frozen modules on every start
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(args.notebook, as_version=4)
    args.outdir.mkdir(parents=True, exist_ok=True)
    client = NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(args.notebook.parent)}})
    start = time.monotonic()
    failed = None
    try:
        client.execute()
    except CellExecutionError as e:
        failed = e
    elapsed = time.monotonic() - start

    executed = args.outdir / args.notebook.name
    nbformat.write(nb, executed)
    figures = save_figures(nb, args.outdir)
    print(f"notebook {args.notebook.name} executed in {elapsed:.2f} s; {len(figures)} figure(s); executed copy: {executed}")
    for f in figures:
        print(f"  figure: {f}")
    if failed is not None:
        print(f"a cell failed:\n{failed}", file=sys.stderr)
        return 1
    return 0


def save_figures(nb, outdir):
    saved = []
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        pngs = [o["data"]["image/png"] for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        for i, png in enumerate(pngs):
            n += 1
            name = (tags[0] if tags else f"figure-{n}") + (f"-{i + 1}" if len(pngs) > 1 else "") + ".png"
            path = outdir / name
            path.write_bytes(base64.b64decode(png))
            saved.append(path)
    return saved


if __name__ == "__main__":
    sys.exit(main())
