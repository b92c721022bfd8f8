import { configure } from '@testing-library/react';

// jsdom lacks matchMedia, which antd's responsive components read.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// nor ResizeObserver, which antd's tables, selects and steps observe.
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

// findBy/waitFor wait up to 5 s (not 1 s): on a busy two-core machine antd's first render of a page can take longer,
// and a test that fails only because the machine was loaded tells nothing.
configure({ asyncUtilTimeout: 5000 });
