"""Run the command line interface as `python -m harvester`."""

from harvester.cli import main

main()
