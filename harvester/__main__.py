"""Run the command line interface: `python -m harvester`, and the installed `harvester` command."""

import sys


def run() -> None:
    """Load the CLI and run it. Loading takes a moment; a Ctrl-C during it is said in one line, as in a run."""
    try:
        from harvester.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("harvester: interrupted: nothing written\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
