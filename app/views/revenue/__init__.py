"""The 세입 page: revenue lines per 회계/부서/목 with their 산출근거."""
