import { roles } from '@dml/shared';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type AuthFlow,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { userPoolDefinition } from '#definitions/auth';
import type { EmailConfig } from './config.ts';
import { acknowledge } from './nag.ts';

export type AuthStackProps = StackProps & { webUrl: string; email?: EmailConfig };

// Refresh is always allowed by CDK; the others map one to one.
const authFlowProps: Record<(typeof userPoolDefinition.clientAuthFlows)[number], keyof AuthFlow | undefined> =
  {
    ALLOW_USER_PASSWORD_AUTH: 'userPassword',
    ALLOW_USER_SRP_AUTH: 'userSrp',
    ALLOW_REFRESH_TOKEN_AUTH: undefined,
  };

/** Admin-created users signing in by email; Cognito groups are the roles. */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { passwordPolicy, tokenValidity } = userPoolDefinition;
    const email = props.email;

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireDigits,
        requireSymbols: passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordValidityDays),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Users may add an authenticator app; requiring one is left to each programme (see COG2 below).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      email: email
        ? UserPoolEmail.withSES({
            fromEmail: email.from,
            fromName: 'Digital Mentorship Log',
            sesVerifiedDomain: email.verifiedDomain,
            sesRegion: email.region ?? this.region,
          })
        : UserPoolEmail.withCognito(),
      userInvitation: {
        emailSubject: 'Your Digital Mentorship Log account',
        emailBody: `An administrator created your Digital Mentorship Log account.<br>Sign in at ${props.webUrl} with {username} and the temporary password {####}, then choose your own.`,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [precedence, role] of roles.entries()) {
      this.userPool.addGroup(`${role}Group`, {
        groupName: role,
        precedence,
        description: `DML role ${role}`,
      });
    }

    const authFlows: AuthFlow = Object.fromEntries(
      userPoolDefinition.clientAuthFlows.flatMap((flow) => {
        const prop = authFlowProps[flow];
        return prop ? [[prop, true]] : [];
      }),
    );
    this.userPoolClient = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(tokenValidity.accessMinutes),
      idTokenValidity: Duration.minutes(tokenValidity.idMinutes),
      refreshTokenValidity: Duration.days(tokenValidity.refreshDays),
    });

    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (authenticator app); requiring it is a per-programme decision for mentors signing in on shared or low-end phones.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Threat protection (Plus feature plan) is a per-programme cost decision; the pool is admin-only sign-up with a strong password policy.',
    );
  }
}
