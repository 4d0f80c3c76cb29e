from targetlint.cli import main

raise SystemExit(main())
