"""Load test: simulated editors on one 400-card journey, against the production server.

    make load                      # 25 then 50 editors, the server started here
    bin/with-postgres .venv/bin/python -m bench.load --editors 50

Each editor logs in, opens the map, then, 1–2 s apart, edits the title of its own card (4 in
10), moves it to another stage (3), opens its panel (2) or reloads the map (1), as the HTMX page
asks for them. They arrive over 15 s. The script prints the p95 of each kind of request and the
errors (any status but the expected one, a conflict included).

The server is the production one: `--serve` is the command that starts it on `{port}` (by
default uvicorn with 2 workers as `make serve` runs it, DEBUG off, after `collectstatic`),
against the `DATABASE_URL` of the environment (bin/with-postgres gives a throwaway PostgreSQL).
Each editor also holds open the live stream its map page opens (`--no-stream`: not), into
which the server pushes the parts of the map each change redraws. `--servers 2` starts two
such servers on one database, as behind a load balancer, and gives them editors in turn.
"""

# locust patches the standard library for gevent: it is imported before anything else.
from locust import FastHttpUser, between, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import datetime
import html
import itertools
import json
import os
import random
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gevent
import psutil

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# What `make serve` starts (uvicorn, 2 workers), without make's install step.
SERVE = (
    "{bin}/uvicorn config.asgi:application --host 127.0.0.1 --port {port} --workers 2"
    " --no-access-log --timeout-graceful-shutdown 2"
)
# Each kind of request and its method (the login's GET, for its form, is not a kind of its own).
KINDS = {
    "login": "POST",
    "map": "GET",
    "edit card": "POST",
    "move card": "POST",
    "open card panel": "GET",
    "reload map": "GET",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(static_root: str) -> dict:
    """Production settings on loopback: DEBUG off; plain HTTP, so no redirect to HTTPS."""
    return os.environ | {
        "DEBUG": "false",
        "SECRET_KEY": "load-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }


def start_server(command: str, port: int, env: dict) -> subprocess.Popen:
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    bin_dir = str(Path(PYTHON).parent)
    args = shlex.split(command.format(port=port, bin=bin_dir))
    server = subprocess.Popen(args, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped at once: {command}") from None
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer on port {port} within 30 s")


class Editor(FastHttpUser):
    """One teammate editing its own card of the journey (the plan comes from bench.load_setup).

    locust's FastHttpUser (geventhttpclient) rather than its `requests` client: the load test
    shares the server's two cores, and it spent 7.5 ms of processor time per request there."""

    # A stream is quiet between beats (10 s): reads wait longer than that.
    network_timeout = 120.0

    wait_time = between(1, 2)
    # With --servers, each new editor talks to the next server in turn, as behind a load
    # balancer (its session lives in the shared database, so any server would do).
    hosts: list[str] = []
    spread = itertools.count()
    plan: dict = {}
    stream = False
    said_no_stream = False
    arrived = itertools.count()

    def __init__(self, environment):
        if self.hosts:
            self.host = self.hosts[next(Editor.spread) % len(self.hosts)]
        super().__init__(environment)

    def on_start(self):
        editors = self.plan["editors"]
        self.me = editors[next(self.arrived) % len(editors)]
        self.card_url = self.plan["card"].replace("{id}", str(self.me["card"]))
        self.stage = self.me["stage"]
        self.login()
        page = self.open_map("map")
        self.version = self.card_version(page)
        # The stream the page opens (its `sse-connect`), as the browser would.
        stream = re.search(r'sse-connect="([^"]+)"', page)
        if self.stream and stream:
            gevent.spawn(self.hold_stream, html.unescape(stream[1]))
        elif self.stream and not Editor.said_no_stream:
            Editor.said_no_stream = True
            print("the map page opens no live stream: streams skipped", flush=True)

    def login(self):
        login = self.plan["login"]
        self.client.get(login, name="login")
        self.insecure_cookies()
        data = {"username": self.me["email"], "password": self.plan["password"]}
        with self.client.post(
            login, data | self.csrf(), name="login", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"login answered {response.status_code}")
        self.insecure_cookies()

    def insecure_cookies(self):
        """Production cookies are Secure; this test speaks plain HTTP on loopback."""
        for cookie in self.client.cookiejar:
            cookie.secure = False

    def csrf(self) -> dict:
        return {"csrfmiddlewaretoken": self.cookie("csrftoken")}

    def cookie(self, name: str) -> str:
        return next((cookie.value for cookie in self.client.cookiejar if cookie.name == name), "")

    def htmx(self, target: str) -> dict:
        self.insecure_cookies()
        return {
            "HX-Request": "true",
            "HX-Target": target,
            "X-CSRFToken": self.cookie("csrftoken"),
        }

    def open_map(self, name: str) -> str:
        self.insecure_cookies()
        return self.client.get(self.plan["map"], name=name).text

    def card_version(self, html: str) -> int:
        card = self.me["card"]
        # The card's own element: stages and channels carry data-id and data-version too.
        found = re.search(rf'id="card-{card}" data-id="{card}" data-version="(\d+)"', html)
        return int(found[1]) if found else self.version

    @task(4)
    def edit_card(self):
        data = {"title": f"Edited by {self.me['email']} {random.random()}", "emotion": 1}
        self.post(self.card_url, data, "card_panel", "edit card")

    @task(3)
    def move_card(self):
        self.stage = random.choice([s for s in self.plan["stages"] if s != self.stage])
        data = {"stage": self.stage, "channel": self.me["channel"], "position": 0}
        self.post(self.card_url + "move/", data, "map_grid", "move card")

    @task(2)
    def open_card_panel(self):
        self.client.get(self.card_url, headers=self.htmx("card_panel"), name="open card panel")

    @task(1)
    def reload_map(self):
        self.version = self.card_version(self.open_map("reload map"))

    def post(self, url: str, data: dict, target: str, name: str):
        data = data | {"version": self.version}
        with self.client.post(
            url, data, headers=self.htmx(target), name=name, catch_response=True
        ) as response:
            if response.status_code == 200:
                self.version = self.card_version(response.text)
            else:
                response.failure(f"status {response.status_code}")
                self.version = self.card_version(self.open_map("map after an error"))

    def hold_stream(self, url: str):
        """One live stream per editor, as an open map page holds it, until the test ends: the
        server pushes into it the parts each change redraws."""
        with self.client.get(url, name="stream", stream=True, catch_response=True) as response:
            try:
                for _ in response.iter_content(chunk_size=65536):
                    pass
            except Exception:  # whatever geventhttpclient raises when the server stops
                response.success()  # the run is over


def run_editors(hosts: list, plan: dict, editors: int, ramp: float, seconds: float, stream: bool):
    Editor.plan = plan
    Editor.stream = stream
    Editor.arrived = itertools.count()
    Editor.hosts = hosts
    environment = Environment(user_classes=[Editor], host=hosts[0])
    runner = environment.create_local_runner()
    runner.start(editors, spawn_rate=editors / ramp)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    return environment.stats


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """The processor time `processes` and their children have used so far."""
    total = 0.0
    for process in processes:
        try:
            for each in [process, *process.children(recursive=True)]:
                times = each.cpu_times()
                total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def database_processes() -> list[psutil.Process]:
    """The PostgreSQL of DATABASE_URL (its postmaster, found by its port)."""
    port = re.search(r":(\d+)/", os.environ["DATABASE_URL"])
    wanted = f"-p {port[1]}" if port else None
    return [
        process
        for process in psutil.process_iter(["name", "cmdline"])
        if process.info["name"] == "postgres"
        and wanted
        and wanted in " ".join(process.info["cmdline"] or ())
    ]


def report(stats, editors: int, seconds: float, load: float, cpu: dict) -> bool:
    """Prints the figures; True when every kind is under 300 ms at p95 without an error."""
    total = stats.total
    print(
        f"\n{editors} editors, {seconds:.0f} s: {total.num_requests} requests, "
        f"{total.num_requests / seconds:.1f} requests/s, {total.num_failures} errors "
        f"(machine's load average before: {load:.1f} on {os.cpu_count()} cores)"
    )
    per_request = {name: used * 1000 / max(total.num_requests, 1) for name, used in cpu.items()}
    print(
        "processor time per request: "
        + ", ".join(f"{name} {ms:.1f} ms" for name, ms in per_request.items())
    )
    print(f"{'request':18} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    ok = total.num_failures == 0
    for kind, method in KINDS.items():
        entry = stats.entries.get((kind, method))
        if entry is None or not entry.num_requests:
            continue
        p95 = entry.get_response_time_percentile(0.95)
        ok = ok and p95 < 300
        print(
            f"{kind:18} {entry.num_requests:6} {entry.num_failures:6} "
            f"{entry.median_response_time:7.0f} {p95:7.0f} {entry.max_response_time:7.0f}"
        )
    for error in stats.errors.values():
        print(f"  error: {error.method} {error.name}: {error.error} ×{error.occurrences}")
    return ok


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editors", default="25,50", help="comma-separated runs, e.g. 25,50")
    parser.add_argument("--ramp", type=float, default=15, help="seconds over which they arrive")
    parser.add_argument("--seconds", type=float, default=60, help="length of each run")
    parser.add_argument("--serve", default=SERVE, help="server command; {port} {bin}")
    parser.add_argument(
        "--servers", type=int, default=1, help="app servers on one database, editors in turn"
    )
    parser.add_argument(
        "--no-stream", dest="stream", action="store_false", help="no live stream per editor"
    )
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("DATABASE_URL is not set: run through bin/with-postgres")
    runs = [int(n) for n in args.editors.split(",")]
    setup = [PYTHON, "-m", "bench.load_setup", str(max(runs))]
    plan = json.loads(subprocess.check_output(setup, cwd=ROOT).decode().strip().splitlines()[-1])
    # Stopped from outside, the server it started stops too (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ports = [free_port() for _ in range(args.servers)]
    command = args.serve.format(port=",".join(map(str, ports)), bin=".venv/bin")
    print(f"{datetime.date.today()} · server on each port: {command}")
    with tempfile.TemporaryDirectory() as static_root:
        servers = []
        try:
            for port in ports:
                servers.append(start_server(args.serve, port, server_environment(static_root)))
            database = database_processes()
            results = []
            hosts = [f"http://127.0.0.1:{port}" for port in ports]
            for n in runs:
                load = os.getloadavg()[0]
                watched = {
                    "server": [psutil.Process(server.pid) for server in servers],
                    "PostgreSQL": database,
                }
                before = {name: cpu_seconds(processes) for name, processes in watched.items()}
                load_test_cpu = sum(os.times()[:2])
                stats = run_editors(hosts, plan, n, args.ramp, args.seconds, args.stream)
                cpu = {name: cpu_seconds(watched[name]) - before[name] for name in watched}
                cpu["load test"] = sum(os.times()[:2]) - load_test_cpu
                results.append(report(stats, n, args.seconds, load, cpu))
        finally:
            for server in servers:
                os.killpg(server.pid, 15)
            for server in servers:
                server.wait(timeout=30)
    print("\ntarget (p95 < 300 ms for every kind, 0 errors):", "met" if all(results) else "missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
