"""``python -m pm_course ...``: the ``pm-course`` command with any Python that has the course installed.

It works where ``pm-course`` is not on the PATH (a shell where the course's environment is not active):
``.venv/bin/python -m pm_course verify certificate.json`` from the course folder.
"""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
