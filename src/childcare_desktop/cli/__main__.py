"""`python -m childcare_desktop.cli`: the same as the `childcare` command."""

import sys

from . import main

sys.exit(main())
