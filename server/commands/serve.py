"""``hojo-server serve``: the REST server on a socket bound here, its port announced first
on stdout (``HOJO_SERVER_PORT=``) so a parent can read it from a pipe."""

from __future__ import annotations

import argparse
import json
import socket
import sys

from server.commands.common import OK, CliError, log, settings


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from server import demo_mode
    from server.app import create_app
    from server.migrate import upgrade

    config = settings()
    demo_mode.check_serve(config, args.host, args.workers, args.exit_with_stdin)
    if config.is_sqlite:
        upgrade(config.database_url)
    if config.demo_credential:
        log.info("데모 모드로 시작합니다 (HOJO_DEMO_CREDENTIAL 설정됨).")
        demo_mode.seed_if_new(config)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say so; without it every
    # response waited ~40 ms for the client's delayed ACK (Nagle), measured here.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        raise CliError(f"{args.host}:{args.port}에서 들을 수 없습니다: {exc}") from exc
    sock.listen(2048)  # a parent that read the port may connect at once
    port = sock.getsockname()[1]
    # First line on stdout, so a parent process can read the port from a pipe.
    sys.stdout.write(f"HOJO_SERVER_PORT={port}\n")
    sys.stdout.flush()
    log_config = json.loads(json.dumps(LOGGING_CONFIG))
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"  # stdout stays clean
    log.info("http://%s:%s 에서 서버를 시작합니다 (작업자 %d개).", args.host, port, args.workers)
    if args.workers > 1:  # uvicorn adopts the listening descriptor as it is
        sock.set_inheritable(True)
        uvicorn.run(
            "server.app:create_app",
            factory=True,
            fd=sock.fileno(),
            workers=args.workers,
            log_config=log_config,
        )
        return OK
    app = create_app(config)
    demo_mode.install(app, config)  # the credential check, in demo mode only
    server = uvicorn.Server(uvicorn.Config(app, log_config=log_config))
    if args.exit_with_stdin:
        demo_mode.exit_with_stdin(server)
    server.run(sockets=[sock])
    return OK
