import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';

/**
 * The last line of defence: a screen that throws while drawing (unexpected stored data, a bug)
 * shows a plain message and a way back instead of a blank page. Both ways only reload the app: no
 * data is touched, so nothing stored is lost.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For the developer console only; the person sees the message below.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <p className="row">
          <button type="button" onClick={() => location.reload()}>
            {t('crash.reload')}
          </button>
          <button
            type="button"
            onClick={() => {
              location.hash = '#/';
              location.reload();
            }}
          >
            {t('crash.start')}
          </button>
        </p>
      </main>
    );
  }
}
