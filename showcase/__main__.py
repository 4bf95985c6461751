import sys

from showcase.tools.cli import main

sys.exit(main())
