// Test helper: runs a function that must throw a JaugeValidationError and returns its issues.
import { expect } from 'vitest';
import { JaugeValidationError, type ValidationIssue } from '../src/errors.js';

export function issuesOf(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(JaugeValidationError);
    return (error as JaugeValidationError).issues;
  }
  throw new Error('expected a JaugeValidationError');
}
