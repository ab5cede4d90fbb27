import { Badge } from '@mantine/core';
import type { HttpMethod } from '../../../../shared/catalogue';
import type { CoverageView } from './coverage';

const METHOD_COLORS: Readonly<Record<HttpMethod, string>> = Object.freeze({ GET: 'blue', POST: 'teal', PUT: 'orange', PATCH: 'yellow', DELETE: 'red' });

export function MethodBadge({ method }: { readonly method: HttpMethod }) {
  return (
    <Badge color={METHOD_COLORS[method]} variant="light" radius="sm" w={76} style={{ flexShrink: 0 }}>
      {method}
    </Badge>
  );
}

/** Whether the current token covers an endpoint's required scope, and by which rule. */
export function CoverageBadge({ coverage }: { readonly coverage: CoverageView }) {
  return (
    <Badge color={coverage.color} variant="light" tt="none" data-coverage={coverage.state}>
      {coverage.text}
    </Badge>
  );
}
