"""`python -m childcare_desktop` starts the GUI."""

from childcare_desktop.ui.app import main

raise SystemExit(main())
