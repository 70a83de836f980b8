"""Trainer views: passphrase gate, cohorts, the cohort dashboard and its long-running jobs."""
