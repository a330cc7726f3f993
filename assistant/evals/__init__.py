"""Prompt-regression suites: case format, runner, reports and comparison (`parastelu eval`)."""
