"""The frozen program's one entry: `childcare` is the command, `childcare-desktop` the window.

The name the program was started by chooses the face (sys.argv[0], not sys.executable: on
Linux `childcare` is a link to the one executable, and the link's own name is what counts).
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).stem.lower() == "childcare":
    from childcare_desktop.cli import main
else:
    from childcare_desktop.ui.app import main

sys.exit(main())
