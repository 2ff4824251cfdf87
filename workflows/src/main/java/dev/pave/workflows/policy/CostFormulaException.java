package dev.pave.workflows.policy;

/** A cost formula that does not compile, or that gave no usable number for some inputs. */
public final class CostFormulaException extends RuntimeException {
  public CostFormulaException(String message) {
    super(message);
  }
}
