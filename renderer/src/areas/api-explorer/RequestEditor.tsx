import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useNotifyContractError } from '../../stores/lab-stores';
import { BodyEditor } from './BodyEditor';
import type { CatalogueEntry } from './endpoint-groups';
import { useExplorer } from './explorer-store';
import { QueryParamsEditor } from './QueryParamsEditor';
import type { DraftProblems, RequestDraft } from './request-draft';

export interface RequestEditorProps {
  readonly endpoint: CatalogueEntry;
  readonly draft: RequestDraft;
  readonly problems: DraftProblems;
}

/** The request to send: path parameters, query parameters and body, starting from the Lab's example. */
export function RequestEditor({ endpoint, draft, problems }: RequestEditorProps) {
  const notifyError = useNotifyContractError();
  const updateDraft = useExplorer((state) => state.updateDraft);
  const resetDraft = useExplorer((state) => state.resetDraft);
  const resetting = useExplorer((state) => state.loadingExample === endpoint.id);
  const change = (part: Partial<RequestDraft>) => updateDraft({ ...draft, ...part });
  return (
    <Stack gap="sm">
      {endpoint.pathParams.length > 0 ? (
        <Fieldset legend="Path parameters">
          <Stack gap="xs">
            {endpoint.pathParams.map((name) => (
              <TextInput
                key={name}
                label={name}
                required
                value={draft.pathParams[name] ?? ''}
                onChange={(event) => change({ pathParams: { ...draft.pathParams, [name]: event.currentTarget.value } })}
                error={problems.pathParams[name]}
                spellCheck={false}
              />
            ))}
          </Stack>
        </Fieldset>
      ) : null}
      <Fieldset legend="Query parameters">
        <QueryParamsEditor params={draft.query} problems={problems.query} onChange={(query) => change({ query })} />
      </Fieldset>
      <Fieldset legend="Body">
        <BodyEditor body={draft.body} problem={problems.body} fieldProblems={problems.fields} onChange={(body) => change({ body })} />
      </Fieldset>
      <Group>
        <Button variant="subtle" size="xs" loading={resetting} onClick={() => resetDraft(endpoint.id).catch((error: unknown) => notifyError(error, 'loading the example request'))}>
          Reset to the example
        </Button>
      </Group>
    </Stack>
  );
}
