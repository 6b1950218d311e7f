package org.marketflow.testing.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Helpers shared by the extensions in this package. */
final class ExtensionContexts {

  private ExtensionContexts() {}

  /** The context of the test class (a nested class has its own), also from a test method. */
  static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** {@code TestClass} or {@code TestClass-testMethod}: readable names for per-test resources. */
  static String testName(ExtensionContext context) {
    String className = context.getTestClass().map(Class::getSimpleName).orElse("test");
    return context.getTestMethod().map(m -> className + "-" + m.getName()).orElse(className);
  }
}
