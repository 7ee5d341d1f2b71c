// The app's one outbound address. Registries let EPP clients in by source IP (KazNIC and Hostmaster register each registrar's
// addresses), and a Flex Consumption app's own outbound addresses are shared, change and multiply as it scales out; joined to
// this subnet, every instance leaves through the NAT gateway's static public IP, which is what the registrar registers.
param name string
param location string
param tags object

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource nat 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 10
    publicIpAddresses: [
      {
        id: publicIp.id
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${name}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          natGateway: {
            id: nat.id
          }
          // What Flex Consumption joins an app to a subnet with.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

output appSubnetId string = vnet.properties.subnets[0].id
output egressIpAddress string = publicIp.properties.ipAddress
