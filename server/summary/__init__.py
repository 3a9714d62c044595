"""Budget summary of one version: totals per 회계/재원/장, balance, counts and 산출근거 checks."""
