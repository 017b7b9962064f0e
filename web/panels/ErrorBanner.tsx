/** An API or network error, shown as an alert with the server's message and a retry button. */
import { ApiError } from '../api/client.ts';
import { t, type Lang } from '../i18n/index.ts';

interface Props {
  lang: Lang;
  error: Error;
  onRetry: () => void;
}

export function ErrorBanner({ lang, error, onRetry }: Props) {
  const param = error instanceof ApiError ? error.param : null;
  return (
    <div className="error-banner" role="alert">
      <p>
        {t(lang, 'app.error', { message: error.message })}
        {param ? ` ${t(lang, 'app.errorParam', { param })}` : null}
      </p>
      <button type="button" onClick={onRetry}>
        {t(lang, 'app.retry')}
      </button>
    </div>
  );
}
