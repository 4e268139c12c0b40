/** The emulated Apps Script services other than SpreadsheetApp. */
export { serviceError, signatureError, makeEnum, isDate } from './common';
export { Blob } from './blob';
export { parseCsv } from './csv';
export { formatDate, resolveZone } from './date-format';
export {
  HtmlFiles,
  HtmlOutput,
  HtmlOutputMetaTag,
  HtmlService,
  HtmlTemplate,
  SandboxMode,
  XFrameOptionsMode,
  escapeHtml,
  templateCode,
  type TemplateCompiler,
} from './html';
export {
  LOCK_TIMEOUT,
  Lock,
  LockManager,
  LockService,
  type LockAttempt,
  type LockScope,
} from './lock';
export {
  MAX_STORE_BYTES,
  MAX_VALUE_BYTES,
  PROPERTY_QUOTA,
  Properties,
  PropertiesService,
  PropertyStores,
} from './properties';
export {
  AuthMode,
  AuthorizationInfo,
  AuthorizationStatus,
  ChartType,
  Charts,
  ScriptApp,
  type ScriptAppHost,
} from './script-app';
export {
  SCOPES,
  authorize,
  authorizationRequired,
  grantedScopes,
  guardService,
  requiredPermissions,
} from './auth';
export {
  CONSUMER_MAIL_QUOTA,
  MailApp,
  MailStore,
  WORKSPACE_MAIL_QUOTA,
  type SentMail,
} from './mail';
export {
  ClockTriggerBuilder,
  EventType,
  MAX_TRIGGERS_PER_USER,
  SpreadsheetTriggerBuilder,
  Trigger,
  TriggerBuilder,
  TriggerSource,
  TriggerStore,
  WeekDay,
  clockEvent,
  type ClockSchedule,
  type TriggerHost,
  type TriggerState,
} from './triggers';
export { Session, User, type SessionConfig } from './session';
export {
  Button,
  ButtonSet,
  Menu,
  PromptResponse,
  UI_UNAVAILABLE,
  Ui,
  UiRecorder,
  type ButtonName,
  type ButtonSetName,
  type RecordedAlert,
  type RecordedDialog,
  type RecordedMenu,
  type RecordedMenuItem,
  type RecordedPrompt,
} from './ui';
export {
  Charset,
  DigestAlgorithm,
  LogRecorder,
  Logger,
  MAX_SLEEP_MS,
  Utilities,
  UtilitiesState,
  createConsole,
  formatString,
  type ConsoleEntry,
  type LogEntry,
} from './utilities';
