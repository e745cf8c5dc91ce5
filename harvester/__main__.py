"""Run the command line interface: `python -m harvester`, and the installed `harvester` command."""

import sys


def run() -> None:
    """Load the CLI and run it. Loading takes a moment; a Ctrl-C during it is said in one line, as in a run."""
    # httpx loads its own command line (rich, pygments) with itself when they are installed; harvester never runs it,
    # and a module set to None is one Python does not load: httpx then goes without it, as when they are not installed
    sys.modules.setdefault("httpx._main", None)
    try:
        from harvester.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("harvester: interrupted: nothing written\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
