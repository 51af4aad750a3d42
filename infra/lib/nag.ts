import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own renderer, so an acknowledgement names a resource exactly as the finding does.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** Acknowledges one cdk-nag finding on a construct and everything under it, with the reason. */
export const acknowledge = (scope: IConstruct, id: string, reason: string) =>
  Validations.of(scope).acknowledge({ id, reason });

/** AwsSolutions-IAM5 for wildcard actions, e.g. `s3:GetObject*`. */
export const acknowledgeWildcardActions = (scope: IConstruct, actions: string[], reason: string) => {
  for (const action of actions) acknowledge(scope, `AwsSolutions-IAM5[Action::${action}]`, reason);
};

/**
 * AwsSolutions-IAM5 for specific wildcard resources (tokens or literals), e.g. `bucket.arnForObjects('*')`.
 * The finding spells the resource as the role's own template does (a reference to another stack's output when
 * the resource lives there), which exists only once CDK has resolved cross-stack references. Node validations
 * run after that and before the nag plugin, so the acknowledgement is computed there.
 */
export const acknowledgeWildcardResources = (scope: IConstruct, resources: string[], reason: string) => {
  scope.node.addValidation({
    validate: () => {
      for (const resource of resources) {
        const rendered = flattenCfnReference(Stack.of(scope).resolve(resource));
        acknowledge(scope, `AwsSolutions-IAM5[Resource::${rendered}]`, reason);
      }
      return [];
    },
  });
};
