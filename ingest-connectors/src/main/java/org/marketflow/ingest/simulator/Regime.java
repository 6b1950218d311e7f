package org.marketflow.ingest.simulator;

/** The state of the whole simulated market (see {@link SimulatorSettings.Regimes}). */
public enum Regime {
  QUIET,
  STRESSED
}
