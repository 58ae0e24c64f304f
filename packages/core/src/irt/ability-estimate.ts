/** An ability estimate with its standard error, on the θ scale of the item parameters. */
export interface AbilityEstimate {
  /** Estimated ability θ. */
  theta: number;
  /**
   * Standard error of `theta`: the posterior SD for EAP, 1 / √(observed information + 1 / sd²)
   * for MAP, 1 / √(test information) for MLE. `Infinity` when nothing has been measured.
   */
  se: number;
}
