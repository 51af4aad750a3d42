import { join } from 'node:path';
import { type FunctionName, functionCatalog, functionNames } from '@dml/functions/function-catalog';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '#lib/bundling';
import { functionsSrc } from '#lib/paths';

/** The IAM actions each AWS SDK call needs, by the command class (or helper) the code calls. */
const actionsOfCall: Record<string, readonly string[]> = {
  // DynamoDB document client; a transaction's actions come from its items (below).
  GetCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  TransactGetCommand: ['dynamodb:GetItem'],
  TransactWriteCommand: [],
  // S3: a presigned request is made with the function's credentials, so it needs what it signs.
  GetObjectCommand: ['s3:GetObject'],
  HeadObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  DeleteObjectCommand: ['s3:DeleteObject'],
  CopyObjectCommand: ['s3:GetObject', 's3:PutObject'],
  createPresignedPost: ['s3:PutObject'],
  // SES v2, EventBridge.
  SendEmailCommand: ['ses:SendEmail'],
  PutEventsCommand: ['events:PutEvents'],
};
/** Cognito admin commands are named after their action. */
const cognitoAction = (command: string) =>
  /^Admin\w+Command$/.test(command) ? [`cognito-idp:${command.replace(/Command$/, '')}`] : undefined;

/**
 * A transaction item's kind is the single-item action it needs. Items are built with `tableItem`
 * (data/transact.ts), so its first argument names the kind.
 */
const transactItemActions: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

/**
 * The function's own code as deployed (tree-shaken from its entry with the Lambda build options),
 * with the SDK left out so only our calls remain and names stay readable.
 */
const reachableCode = async (name: FunctionName) => {
  const result = await build({
    entryPoints: [join(functionsSrc, functionCatalog[name].entry)],
    bundle: true,
    platform: 'node',
    format: lambdaBuildOptions.format,
    target: lambdaBuildOptions.target,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: ['@aws-sdk/*'],
    minify: false,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
};

/** Every AWS call a bundle can make, as IAM actions; an unknown call or a non-literal item kind throws. */
export const actionsCalledBy = (code: string) => {
  const actions = new Set<string>();
  const unknown: string[] = [];
  for (const [, call] of code.matchAll(/\bnew\s+(?:[\w$]+\.)?([A-Z]\w*?Command)\d*\s*\(/g)) {
    const needed = actionsOfCall[call as string] ?? cognitoAction(call as string);
    if (needed) for (const action of needed) actions.add(action);
    else unknown.push(call as string);
  }
  if (/\bcreatePresignedPost\d*\s*\(/.test(code))
    for (const action of actionsOfCall.createPresignedPost ?? []) actions.add(action);
  for (const [, kind] of code.matchAll(/\btableItem\d*\(\s*([^,)]*)/g)) {
    const action = transactItemActions[String(kind).replace(/^["'`]|["'`]$/g, '')];
    if (action) actions.add(action);
    else unknown.push(`tableItem(${kind})`);
  }
  if (unknown.length) throw new Error(`No IAM mapping for ${[...new Set(unknown)].join(', ')}`);
  return actions;
};

/** What each catalog function's code calls, as IAM actions by service prefix (`dynamodb`, `s3`…). */
export const actionsByFunction = async () => {
  const entries = await Promise.all(
    functionNames.map(async (name) => [name, actionsCalledBy(await reachableCode(name))] as const),
  );
  return new Map(entries);
};
