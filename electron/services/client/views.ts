/**
 * The client engine's values as the contract carries them: exchanges (already redacted
 * by the recording fetch), flow steps with their flow's id, the current token, and a
 * LabError's data with a code the contract knows.
 */
import type { CurrentToken, ExchangeView, FlowStepView } from '../../../shared/contract/client-schemas';
import { isContractErrorCode, type ContractErrorData } from '../../../shared/contract/wire';
import type { FlowStep } from '../../client/flows/flow-steps';
import type { LabErrorData } from '../../client/flows/lab-error';
import type { HttpExchange } from '../../client/http/exchange';

export function exchangeView(exchange: HttpExchange): ExchangeView {
  return {
    id: exchange.id,
    purpose: exchange.purpose,
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
    request: { method: exchange.request.method, url: exchange.request.url, headers: { ...exchange.request.headers }, ...(exchange.request.body === undefined ? {} : { body: exchange.request.body }) },
    ...(exchange.response === undefined
      ? {}
      : {
          response: {
            status: exchange.response.status,
            statusText: exchange.response.statusText,
            headers: { ...exchange.response.headers },
            ...(exchange.response.body === undefined ? {} : { body: exchange.response.body }),
          },
        }),
    ...(exchange.error === undefined ? {} : { error: exchange.error }),
    clientCertificate: exchange.clientCertificate,
    ...(exchange.customCa === undefined ? {} : { customCa: exchange.customCa }),
    ...(exchange.timings === undefined ? {} : { timings: { ...exchange.timings } }),
  };
}

export function errorDataView(error: LabErrorData): ContractErrorData {
  return {
    code: isContractErrorCode(error.code) ? error.code : 'unexpected',
    message: error.message,
    ...(error.oauth === undefined ? {} : { oauth: { ...error.oauth } }),
  };
}

export function flowStepView(flowId: string, step: FlowStep): FlowStepView {
  return {
    flowId,
    flow: step.flow,
    step: step.step,
    at: step.at,
    explanation: step.explanation,
    ...(step.exchange === undefined ? {} : { exchange: exchangeView(step.exchange) }),
    ...(step.url === undefined ? {} : { url: step.url }),
    ...(step.error === undefined ? {} : { error: errorDataView(step.error) }),
  };
}

/** A copy of the current token (the only secret that crosses the contract: the window copies it on request). */
export function currentTokenView(token: CurrentToken): CurrentToken {
  return { ...token, scopes: [...token.scopes] };
}
