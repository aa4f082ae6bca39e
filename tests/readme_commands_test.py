#!/usr/bin/env python3
"""Every `build/parley` command in README.md's fenced shell blocks runs as
written and exits 0 (CTest `readme_commands`).

The commands run in README order (so `query` sees what `ingest` stored) from
a scratch directory laid out like the repository: `build`, `examples`,
`data`, `tools`, `web` link to the real ones and `../shared` to the shared
data, so output files (events.jsonl, events.db, ...) land in the scratch
directory, not the source tree.  `parley serve` runs until stopped: it is
run as written except that its port becomes 0 (a free one, so a busy 8080
cannot fail the test), and passes when it says it is listening.

A command passes with exit status 0, except where README.md itself says
another status is the answer (DOCUMENTED_STATUS): `validate` exits 1 when
some records differ from their gold codes, and `code` exits 1 when an input
has records it cannot read (the GigaWord sample has nine with an empty
<Text>).  Those must still exit 0 or 1 (never 2, a crash or a signal) and
print what they are for (OUTPUT_SHOWS).

    readme_commands_test.py --readme README.md --build BUILD_DIR --shared SHARED_DIR
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time


# command substring -> (accepted exit statuses, why)
DOCUMENTED_STATUS = {
    "build/parley validate ": ((0, 1), "1 = some records differ from the gold codes"),
    "GigaWord.sample.PETR.xml": ((0, 1), "1 = the sample has records with an empty <Text>, reported as bad records"),
}
# command substring -> text its output must contain when the status is not 0
OUTPUT_SHOWS = {
    "build/parley validate ": "records coded:",
    "GigaWord.sample.PETR.xml": '"type":"event"',
}


def accepted_statuses(command):
    for part, (statuses, _) in DOCUMENTED_STATUS.items():
        if part in command:
            return statuses
    return (0,)


def fenced_shell_commands(readme_text):
    """(line number, command) for each command line of ```sh blocks, with
    backslash continuations joined and trailing `# comments` removed."""
    commands = []
    in_block = False
    pending, pending_line = "", 0
    for number, line in enumerate(readme_text.splitlines(), 1):
        if line.startswith("```"):
            in_block = line.strip() in ("```sh", "```bash", "```shell") if not in_block else False
            continue
        if not in_block:
            continue
        if not pending:
            pending_line = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        command = strip_comment(pending + line).strip()
        pending = ""
        if command:
            commands.append((pending_line, command))
    return commands


def strip_comment(line):
    """The line without a `#` comment that is outside quotes."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def parley_commands(commands):
    out = []
    for number, command in commands:
        if command.startswith("parley "):
            command = "build/" + command  # the installed name, run from the build tree
        if command.startswith("build/parley ") or command == "build/parley":
            out.append((number, command))
    return out


def scratch_checkout(root, source_dir, build_dir, shared_dir):
    repo = os.path.join(root, "repo")
    os.makedirs(repo)
    for name in ("examples", "data", "tools", "web"):
        os.symlink(os.path.join(source_dir, name), os.path.join(repo, name))
    os.symlink(build_dir, os.path.join(repo, "build"))
    os.symlink(shared_dir, os.path.join(root, "shared"))
    return repo


def run_serve(command, cwd):
    command = re.sub(r"--port\s+\d+", "--port 0", command)
    proc = subprocess.Popen(command, shell=True, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    try:
        deadline = time.time() + 60
        seen = ""
        while time.time() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen += line
            if "listening on" in line:
                return True, seen
        return False, seen
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readme", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--shared", required=True)
    args = ap.parse_args()
    source_dir = os.path.dirname(os.path.abspath(args.readme))
    with open(args.readme, encoding="utf-8") as f:
        commands = parley_commands(fenced_shell_commands(f.read()))
    if len(commands) < 10:
        print(f"README.md: only {len(commands)} build/parley commands found; the extraction is broken")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="readme_commands_") as root:
        repo = scratch_checkout(root, source_dir, os.path.abspath(args.build), os.path.abspath(args.shared))
        for number, command in commands:
            started = time.time()
            if " serve " in f" {command} ":
                ok, output = run_serve(command, repo)
                status = 0 if ok else 1
            else:
                done = subprocess.run(command, shell=True, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      text=True, timeout=300, executable="/bin/bash")
                status, output = done.returncode, done.stdout
            print(f"README.md:{number}: exit {status} in {time.time() - started:.1f} s: {command}")
            shows = next((text for part, text in OUTPUT_SHOWS.items() if part in command), "")
            if status not in accepted_statuses(command) or (status != 0 and shows not in output):
                failures += 1
                print("  " + "\n  ".join(output.strip().splitlines()[-15:]))
    print(f"{len(commands) - failures} of {len(commands)} README commands ran as written")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
