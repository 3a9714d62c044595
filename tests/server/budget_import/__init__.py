"""Tests of server.budget_import (e호조 합본예산서 import)."""
