import sys

from showcase.cli import main

sys.exit(main())
