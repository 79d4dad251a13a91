export * from './issues';
export * from './engine';
export { ENGINE_VERSION } from './version';
export { renderMessage, renderTemplateUnknown } from './messages';
export { achievementOf } from './cell-checks';
export { statusFor } from './list';
export { shareMatches, cellsOf } from '../rules';
export { parseTarget, readTargetValue, type Target } from './target';
